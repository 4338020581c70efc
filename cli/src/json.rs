//! A JSON value that keeps its keys in the order they were written.
//!
//! The crate's `serde_json` sorts object keys; the files this tool writes are
//! read by people, so they follow the contract's order (`"version"` first,
//! `"type"` first in a block). Build with [`Json::object`] and [`Obj::set`],
//! print with `serde_json::to_string_pretty`, validate through [`Json::to_value`].

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Obj),
}

/// An object's fields, in insertion order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Obj(Vec<(String, Json)>);

impl Obj {
    pub fn new() -> Self {
        Obj::default()
    }

    /// Adds a field (appends; keys are expected to be unique).
    pub fn set(mut self, key: &str, value: impl Into<Json>) -> Self {
        self.0.push((key.to_owned(), value.into()));
        self
    }

    /// Adds a field when there is a value; `None` leaves the key out.
    pub fn opt(self, key: &str, value: Option<impl Into<Json>>) -> Self {
        match value {
            Some(v) => self.set(key, v),
            None => self,
        }
    }

    /// Adds an array field unless it is empty.
    pub fn list(self, key: &str, items: Vec<Json>) -> Self {
        if items.is_empty() {
            self
        } else {
            self.set(key, Json::Arr(items))
        }
    }
}

impl Json {
    pub fn object() -> Obj {
        Obj::new()
    }

    /// The same value as a `serde_json::Value` (keys sorted), for validation.
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Int(n) => Value::from(*n),
            Json::Str(s) => Value::String(s.clone()),
            Json::Arr(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Obj(Obj(fields)) => Value::Object(fields.iter().map(|(k, v)| (k.clone(), v.to_value())).collect()),
        }
    }

    /// Pretty-printed text with a final newline.
    pub fn pretty(&self) -> String {
        // Serializing into memory cannot fail for this type: no maps with
        // non-string keys, no floats.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

impl From<Obj> for Json {
    fn from(o: Obj) -> Self {
        Json::Obj(o)
    }
}

impl From<String> for Json {
    fn from(s: String) -> Self {
        Json::Str(s)
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Self {
        Json::Str(s.to_owned())
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Self {
        Json::Bool(b)
    }
}

impl From<u32> for Json {
    fn from(n: u32) -> Self {
        Json::Int(i64::from(n))
    }
}

impl From<u8> for Json {
    fn from(n: u8) -> Self {
        Json::Int(i64::from(n))
    }
}

impl From<Vec<Json>> for Json {
    fn from(items: Vec<Json>) -> Self {
        Json::Arr(items)
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Int(n) => s.serialize_i64(*n),
            Json::Str(text) => s.serialize_str(text),
            Json::Arr(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Obj(Obj(fields)) => {
                let mut map = s.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_print_in_insertion_order_not_sorted() {
        let j: Json = Json::object().set("version", 1u32).set("body", Json::Arr(vec![])).set("a", "x").into();
        let text = j.pretty();
        let v = text.find("version").unwrap();
        let b = text.find("body").unwrap();
        let a = text.find("\"a\"").unwrap();
        assert!(v < b && b < a, "{text}");
    }

    #[test]
    fn absent_optional_fields_and_empty_lists_are_left_out() {
        let j: Json = Json::object().opt("x", None::<String>).list("y", vec![]).set("z", Json::Null).into();
        assert_eq!(j.to_value(), serde_json::json!({"z": null}));
    }

    #[test]
    fn strings_are_escaped_as_json() {
        let j = Json::Str("a \"quote\" </script>".into());
        assert_eq!(j.pretty(), "\"a \\\"quote\\\" </script>\"\n");
    }
}
