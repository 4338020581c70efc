//! UI languages and every string the widget shows that is not the article's.
//!
//! Plain data, shared by the browser render and the server render, so the
//! two always agree. Each language is one [`lang!`] table: a missing or
//! unknown string is a compile error, one out of order a test failure.
//! Strings that hold a value are templates with named slots (`{site}`,
//! `{days}`, `{date}`, …), so each language keeps its own word order;
//! [`fill`] and [`around`] put the values in.
//!
//! Adding a language: a variant of [`Lang`], its code in [`Lang::from_tag`]
//! and [`Lang::code`], a `lang!` table and its arm in `Lang::packed` (the
//! compiler lists every field),
//! its plural rule in [`Lang::plural`] (CLDR), and a row in the tests.

use std::cell::OnceCell;

/// The UI languages the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Uk,
    Kk,
    De,
    Fr,
    Es,
    Ar,
}

/// CLDR plural categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// A counted phrase in every plural form (`{n}` is the number). Forms a
/// language does not use repeat its `other`.
pub struct Plural {
    pub zero: &'static str,
    pub one: &'static str,
    pub two: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Plural {
    pub fn form(&self, category: PluralCategory) -> &'static str {
        match category {
            PluralCategory::Zero => self.zero,
            PluralCategory::One => self.one,
            PluralCategory::Two => self.two,
            PluralCategory::Few => self.few,
            PluralCategory::Many => self.many,
            PluralCategory::Other => self.other,
        }
    }
}

impl Lang {
    /// Every UI language, in the docs' order.
    pub const ALL: [Lang; 8] = [Lang::En, Lang::Ru, Lang::Uk, Lang::Kk, Lang::De, Lang::Fr, Lang::Es, Lang::Ar];

    /// Reads a BCP 47 tag by its primary subtag: `ru`, `ru-RU`, `kk-KZ`,
    /// `es-419`, `EN-gb`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
            Lang::Kk => "kk",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ar => "ar",
        }
    }

    /// The writing direction: `rtl` for Arabic, `ltr` for the others.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// This language's strings, unpacked on first use (once per language
    /// and page; the eight at most live as long as the page).
    pub fn strings(self) -> &'static Strings {
        thread_local! {
            static UNPACKED: [OnceCell<&'static Strings>; Lang::ALL.len()] = const { [const { OnceCell::new() }; Lang::ALL.len()] };
        }
        UNPACKED.with(|cells| *cells[self as usize].get_or_init(|| Box::leak(Box::new(Strings::unpack(self.packed())))))
    }

    /// This language's packed text.
    fn packed(self) -> &'static Packed {
        match self {
            Lang::En => &EN,
            Lang::Ru => &RU,
            Lang::Uk => &UK,
            Lang::Kk => &KK,
            Lang::De => &DE,
            Lang::Fr => &FR,
            Lang::Es => &ES,
            Lang::Ar => &AR,
        }
    }

    /// The CLDR plural category of the whole number `n`.
    pub fn plural(self, n: u64) -> PluralCategory {
        use PluralCategory::*;
        let (n10, n100) = (n % 10, n % 100);
        match self {
            Lang::En | Lang::De | Lang::Kk => {
                if n == 1 {
                    One
                } else {
                    Other
                }
            }
            // i = 0, 1 → one; 1,000,000s → many.
            Lang::Fr => match n {
                0 | 1 => One,
                _ if n % 1_000_000 == 0 => Many,
                _ => Other,
            },
            Lang::Es => match n {
                1 => One,
                _ if n != 0 && n % 1_000_000 == 0 => Many,
                _ => Other,
            },
            Lang::Ru | Lang::Uk => {
                if n10 == 1 && n100 != 11 {
                    One
                } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
                    Few
                } else {
                    Many
                }
            }
            Lang::Ar => match n {
                0 => Zero,
                1 => One,
                2 => Two,
                _ if (3..=10).contains(&n100) => Few,
                _ if (11..=99).contains(&n100) => Many,
                _ => Other,
            },
        }
    }

    /// `phrase` for the count `n`, with the number formatted for the language.
    pub fn count(self, phrase: &Plural, n: u64) -> String {
        fill(phrase.form(self.plural(n)), &[("n", &crate::format::number(n as f64, self))])
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}').and_then(|end| Some((values.iter().find(|(k, _)| *k == &after[..end])?, end))) {
            Some(((_, value), end)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text before and after the slot `{name}` in `template`, for markup
/// that wraps the value (a `<bdi>`, a link).
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let slot_len = name.len() + 2;
    let mut from = 0;
    while let Some(i) = template[from..].find('{') {
        let start = from + i;
        if template[start + 1..].starts_with(name) && template[start + 1 + name.len()..].starts_with('}') {
            return (&template[..start], &template[start + slot_len..]);
        }
        from = start + 1;
    }
    (template, "")
}

/// The text between the parts of a language's packed text.
const SEP: char = '\u{1f}';

/// Declares the text fields of [`Strings`] once, in the order a language's
/// packed text holds them ([`lang!`]): the struct and its reader.
macro_rules! strings {
    ($($(#[$doc:meta])* $field:ident,)*) => {
        /// The UI strings and conventions of one language.
        pub struct Strings {
            $($(#[$doc])* pub $field: &'static str,)*
            /// "{n} days", as the snooze confirmation uses it.
            pub days: Plural,
            /// Month names as a date uses them (genitive where the language has one).
            pub months: [&'static str; 12],
            /// Numbers: the group and decimal separators, and how many digits a
            /// number needs before it is grouped (CLDR's minimum grouping digits + 3).
            pub group: char,
            pub decimal: char,
            pub group_from_digits: usize,
            /// Money: the symbol before the number ("$6,400") or after it ("6 400 $").
            pub symbol_first: bool,
        }

        impl Strings {
            /// The text fields, in packing order (the tests hold every
            /// language to it).
            #[cfg(test)]
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// Reads `packed`: the text fields in order, then the six plural
            /// forms of `days`, then the twelve months. A missing part reads
            /// as empty (the tests make sure none is).
            fn unpack(packed: &Packed) -> Strings {
                let mut parts = packed.text.split(SEP);
                let mut next = move || parts.next().unwrap_or("");
                Strings {
                    $($field: next(),)*
                    days: Plural { zero: next(), one: next(), two: next(), few: next(), many: next(), other: next() },
                    months: [(); 12].map(|()| next()),
                    group: packed.group,
                    decimal: packed.decimal,
                    group_from_digits: packed.group_from_digits,
                    symbol_first: packed.symbol_first,
                }
            }
        }
    };
}

strings! {
    loading,
    /// Before the author names: "By Reuters".
    by,
    published,
    /// Before the date of the last update.
    updated,
    /// The link to the article on the publisher's site: `{site}` is its name.
    read_on,
    read_more,
    continue_reading,
    support_us,
    remind_later,
    remind_prompt,
    /// The confirmation after "Remind me later": `{days}` (a [`Self::days`]
    /// phrase) and `{date}`.
    snoozed,
    dismiss_banner,
    donation_region,
    error_network,
    error_timeout,
    error_http,
    error_content,
    error_offline,
    retry,
    notice,
    /// The ticker: "$6,400 of $10,000".
    raised_of_goal,
    goal_reached,
    frequency_legend,
    amount_legend,
    one_off,
    monthly,
    annual,
    payment_methods,
    other_amount,
    /// The label of the "Other amount" field: `{currency}` is the code.
    amount_label,
    amount_empty,
    amount_invalid,
    amount_not_positive,
    amount_too_large,
    /// A date: `{d}`, `{month}`, `{y}`.
    date,
}

/// One language as the bundle stores it: all its text in one string (no
/// pointer and length per string: 1.8 kB gzip for eight languages, size log
/// row 25), and its number conventions. Written with [`lang!`].
struct Packed {
    text: &'static str,
    group: char,
    decimal: char,
    group_from_digits: usize,
    symbol_first: bool,
    /// The text fields as written, for the order test.
    #[cfg(test)]
    fields: &'static [&'static str],
}

/// A language's [`Packed`] text, written field by field: the plural forms
/// of `days`, the months and the number conventions first, then every text
/// field of [`Strings`] in its order (a test checks names and order).
macro_rules! lang {
    (
        days: { zero: $zero:literal, one: $one:literal, two: $two:literal, few: $few:literal, many: $many:literal, other: $other:literal $(,)? },
        months: [$($month:literal),* $(,)?],
        group: $group:expr,
        decimal: $decimal:expr,
        group_from_digits: $group_from_digits:expr,
        symbol_first: $symbol_first:expr,
        $($field:ident: $text:literal,)*
    ) => {{
        // Every field of `Strings`, each once and no other, twelve months:
        // checked by the compiler here (never called); the order by a test.
        const _: fn() -> Strings = || Strings {
            $($field: $text,)*
            days: Plural { zero: $zero, one: $one, two: $two, few: $few, many: $many, other: $other },
            months: [$($month),*],
            group: $group,
            decimal: $decimal,
            group_from_digits: $group_from_digits,
            symbol_first: $symbol_first,
        };
        Packed {
            text: concat!(
                $($text, "\u{1f}",)*
                $zero, "\u{1f}", $one, "\u{1f}", $two, "\u{1f}", $few, "\u{1f}", $many, "\u{1f}", $other,
                $("\u{1f}", $month,)*
            ),
            group: $group,
            decimal: $decimal,
            group_from_digits: $group_from_digits,
            symbol_first: $symbol_first,
            #[cfg(test)]
            fields: &[$(stringify!($field)),*],
        }
    }};
}

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

static EN: Packed = lang! {
    days: { zero: "{n} days", one: "{n} day", two: "{n} days", few: "{n} days", many: "{n} days", other: "{n} days" },
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    group: ',',
    decimal: '.',
    group_from_digits: 4,
    symbol_first: true,
    loading: "Loading article…",
    by: "By",
    published: "Published",
    updated: "Updated",
    read_on: "Read on {site}",
    read_more: "Read more",
    continue_reading: "Continue reading",
    support_us: "Support us",
    remind_later: "Remind me later",
    remind_prompt: "Not ready to support today?",
    snoozed: "Thanks — we'll ask again in {days}, on {date}.",
    dismiss_banner: "Dismiss",
    donation_region: "Support our journalism",
    error_network: "We couldn't reach the article. Check your connection and try again.",
    error_timeout: "The article is taking too long to load.",
    error_http: "This article isn't available right now.",
    error_content: "This article can't be displayed here.",
    error_offline: "You're offline. The article will load when you're back online.",
    retry: "Try again",
    notice: "Notice",
    raised_of_goal: "{raised} of {goal}",
    goal_reached: "Goal reached — thank you!",
    frequency_legend: "How often",
    amount_legend: "Amount",
    one_off: "One-off",
    monthly: "Monthly",
    annual: "Annual",
    payment_methods: "Accepted payment methods",
    other_amount: "Other",
    amount_label: "Your amount in {currency}",
    amount_empty: "Enter an amount.",
    amount_invalid: "Enter a number, like 15 or 12.50.",
    amount_not_positive: "Enter an amount greater than zero.",
    amount_too_large: "Enter a smaller amount.",
    date: "{month} {d}, {y}",
};

static RU: Packed = lang! {
    days: { zero: "{n} дней", one: "{n} день", two: "{n} дня", few: "{n} дня", many: "{n} дней", other: "{n} дня" },
    months: [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    group: NBSP,
    decimal: ',',
    group_from_digits: 5,
    symbol_first: false,
    loading: "Загрузка статьи…",
    by: "Автор:",
    published: "Опубликовано",
    updated: "Обновлено",
    read_on: "Читать на сайте {site}",
    read_more: "Читайте также",
    continue_reading: "Читать дальше",
    support_us: "Поддержать нас",
    remind_later: "Напомнить позже",
    remind_prompt: "Не готовы поддержать сегодня?",
    snoozed: "Спасибо! Мы напомним через {days}, {date}.",
    dismiss_banner: "Закрыть",
    donation_region: "Поддержите нашу журналистику",
    error_network: "Не удалось загрузить статью. Проверьте подключение и попробуйте снова.",
    error_timeout: "Статья загружается слишком долго.",
    error_http: "Статья сейчас недоступна.",
    error_content: "Эту статью нельзя показать здесь.",
    error_offline: "Нет подключения к интернету. Статья загрузится, когда связь восстановится.",
    retry: "Попробовать снова",
    notice: "Объявление",
    raised_of_goal: "{raised} из {goal}",
    goal_reached: "Цель достигнута — спасибо!",
    frequency_legend: "Как часто",
    amount_legend: "Сумма",
    one_off: "Разово",
    monthly: "Ежемесячно",
    annual: "Ежегодно",
    payment_methods: "Способы оплаты",
    other_amount: "Другая сумма",
    amount_label: "Ваша сумма в {currency}",
    amount_empty: "Введите сумму.",
    amount_invalid: "Введите число, например 15 или 12,50.",
    amount_not_positive: "Сумма должна быть больше нуля.",
    amount_too_large: "Введите сумму поменьше.",
    date: "{d} {month} {y}\u{a0}г.",
};

static UK: Packed = lang! {
    days: { zero: "{n} днів", one: "{n} день", two: "{n} дні", few: "{n} дні", many: "{n} днів", other: "{n} дня" },
    months: [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    group: NBSP,
    decimal: ',',
    group_from_digits: 4,
    symbol_first: false,
    loading: "Завантаження статті…",
    by: "Автор:",
    published: "Опубліковано",
    updated: "Оновлено",
    read_on: "Читати на сайті {site}",
    read_more: "Читайте також",
    continue_reading: "Читати далі",
    support_us: "Підтримати нас",
    remind_later: "Нагадати пізніше",
    remind_prompt: "Не готові підтримати сьогодні?",
    snoozed: "Дякуємо! Ми нагадаємо через {days}, {date}.",
    dismiss_banner: "Закрити",
    donation_region: "Підтримайте нашу журналістику",
    error_network: "Не вдалося завантажити статтю. Перевірте з’єднання і спробуйте ще раз.",
    error_timeout: "Стаття завантажується надто довго.",
    error_http: "Ця стаття зараз недоступна.",
    error_content: "Цю статтю неможливо показати тут.",
    error_offline: "Немає з’єднання з інтернетом. Стаття завантажиться, щойно зв’язок відновиться.",
    retry: "Спробувати ще раз",
    notice: "Оголошення",
    raised_of_goal: "{raised} з {goal}",
    goal_reached: "Мети досягнуто — дякуємо!",
    frequency_legend: "Як часто",
    amount_legend: "Сума",
    one_off: "Разово",
    monthly: "Щомісяця",
    annual: "Щороку",
    payment_methods: "Способи оплати",
    other_amount: "Інша сума",
    amount_label: "Ваша сума в {currency}",
    amount_empty: "Введіть суму.",
    amount_invalid: "Введіть число, наприклад 15 або 12,50.",
    amount_not_positive: "Сума має бути більшою за нуль.",
    amount_too_large: "Введіть меншу суму.",
    date: "{d} {month} {y}\u{a0}р.",
};

static KK: Packed = lang! {
    days: { zero: "{n} күн", one: "{n} күн", two: "{n} күн", few: "{n} күн", many: "{n} күн", other: "{n} күн" },
    months: [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ],
    group: NBSP,
    decimal: ',',
    group_from_digits: 4,
    symbol_first: false,
    loading: "Мақала жүктелуде…",
    by: "Авторы:",
    published: "Жарияланды",
    updated: "Жаңартылды",
    read_on: "{site} сайтында оқу",
    read_more: "Тағы оқыңыз",
    continue_reading: "Әрі қарай оқу",
    support_us: "Бізді қолдаңыз",
    remind_later: "Кейінірек еске салу",
    remind_prompt: "Бүгін қолдауға дайын емессіз бе?",
    snoozed: "Рақмет! {days} өткен соң, {date} қайта еске саламыз.",
    dismiss_banner: "Жабу",
    donation_region: "Журналистикамызды қолдаңыз",
    error_network: "Мақаланы жүктеу мүмкін болмады. Байланысты тексеріп, қайталап көріңіз.",
    error_timeout: "Мақала тым ұзақ жүктелуде.",
    error_http: "Бұл мақала қазір қолжетімсіз.",
    error_content: "Бұл мақаланы мұнда көрсету мүмкін емес.",
    error_offline: "Интернет байланысы жоқ. Байланыс қалпына келгенде мақала жүктеледі.",
    retry: "Қайталау",
    notice: "Хабарландыру",
    raised_of_goal: "{goal} ішінен {raised} жиналды",
    goal_reached: "Мақсатқа жеттік — рақмет!",
    frequency_legend: "Қаншалықты жиі",
    amount_legend: "Сома",
    one_off: "Бір рет",
    monthly: "Ай сайын",
    annual: "Жыл сайын",
    payment_methods: "Төлем тәсілдері",
    other_amount: "Басқа сома",
    amount_label: "Сомаңыз ({currency})",
    amount_empty: "Соманы енгізіңіз.",
    amount_invalid: "Санды енгізіңіз, мысалы 15 немесе 12,50.",
    amount_not_positive: "Сома нөлден үлкен болуы керек.",
    amount_too_large: "Азырақ соманы енгізіңіз.",
    date: "{y}\u{a0}ж. {d} {month}",
};

static DE: Packed = lang! {
    days: { zero: "{n} Tagen", one: "{n} Tag", two: "{n} Tagen", few: "{n} Tagen", many: "{n} Tagen", other: "{n} Tagen" },
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    group: '.',
    decimal: ',',
    group_from_digits: 4,
    symbol_first: false,
    loading: "Artikel wird geladen …",
    by: "Von",
    published: "Veröffentlicht am",
    updated: "Aktualisiert am",
    read_on: "Weiterlesen bei {site}",
    read_more: "Mehr zum Thema",
    continue_reading: "Weiterlesen",
    support_us: "Unterstützen Sie uns",
    remind_later: "Später erinnern",
    remind_prompt: "Heute noch nicht?",
    snoozed: "Danke! Wir fragen in {days} wieder, am {date}.",
    dismiss_banner: "Schließen",
    donation_region: "Unterstützen Sie unseren Journalismus",
    error_network: "Der Artikel konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    error_timeout: "Der Artikel braucht zu lange zum Laden.",
    error_http: "Dieser Artikel ist gerade nicht verfügbar.",
    error_content: "Dieser Artikel kann hier nicht angezeigt werden.",
    error_offline: "Sie sind offline. Der Artikel wird geladen, sobald Sie wieder online sind.",
    retry: "Erneut versuchen",
    notice: "Hinweis",
    raised_of_goal: "{raised} von {goal}",
    goal_reached: "Ziel erreicht – vielen Dank!",
    frequency_legend: "Wie oft",
    amount_legend: "Betrag",
    one_off: "Einmalig",
    monthly: "Monatlich",
    annual: "Jährlich",
    payment_methods: "Akzeptierte Zahlungsarten",
    other_amount: "Anderer Betrag",
    amount_label: "Ihr Betrag in {currency}",
    amount_empty: "Geben Sie einen Betrag ein.",
    amount_invalid: "Geben Sie eine Zahl ein, z.\u{a0}B. 15 oder 12,50.",
    amount_not_positive: "Der Betrag muss größer als null sein.",
    amount_too_large: "Geben Sie einen kleineren Betrag ein.",
    date: "{d}. {month} {y}",
};

static FR: Packed = lang! {
    days: { zero: "{n} jour", one: "{n} jour", two: "{n} jours", few: "{n} jours", many: "{n} de jours", other: "{n} jours" },
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    group: NNBSP,
    decimal: ',',
    group_from_digits: 4,
    symbol_first: false,
    loading: "Chargement de l’article…",
    by: "Par",
    published: "Publié le",
    updated: "Mis à jour le",
    read_on: "Lire sur {site}",
    read_more: "À lire aussi",
    continue_reading: "Lire la suite",
    support_us: "Soutenez-nous",
    remind_later: "Me le rappeler plus tard",
    remind_prompt: "Pas prêt à nous soutenir aujourd’hui\u{202f}?",
    snoozed: "Merci\u{202f}! Nous vous le redemanderons dans {days}, le {date}.",
    dismiss_banner: "Fermer",
    donation_region: "Soutenez notre journalisme",
    error_network: "Impossible de charger l’article. Vérifiez votre connexion et réessayez.",
    error_timeout: "L’article met trop de temps à se charger.",
    error_http: "Cet article n’est pas disponible pour le moment.",
    error_content: "Cet article ne peut pas être affiché ici.",
    error_offline: "Vous êtes hors ligne. L’article se chargera dès que la connexion sera rétablie.",
    retry: "Réessayer",
    notice: "Avis",
    raised_of_goal: "{raised} sur {goal}",
    goal_reached: "Objectif atteint — merci\u{202f}!",
    frequency_legend: "Fréquence",
    amount_legend: "Montant",
    one_off: "Ponctuel",
    monthly: "Mensuel",
    annual: "Annuel",
    payment_methods: "Moyens de paiement acceptés",
    other_amount: "Autre montant",
    amount_label: "Votre montant en {currency}",
    amount_empty: "Saisissez un montant.",
    amount_invalid: "Saisissez un nombre, par exemple 15 ou 12,50.",
    amount_not_positive: "Le montant doit être supérieur à zéro.",
    amount_too_large: "Saisissez un montant plus petit.",
    date: "{d} {month} {y}",
};

static ES: Packed = lang! {
    days: { zero: "{n} días", one: "{n} día", two: "{n} días", few: "{n} días", many: "{n} de días", other: "{n} días" },
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    group: '.',
    decimal: ',',
    group_from_digits: 5,
    symbol_first: false,
    loading: "Cargando el artículo…",
    by: "Por",
    published: "Publicado el",
    updated: "Actualizado el",
    read_on: "Leer en {site}",
    read_more: "Lee también",
    continue_reading: "Seguir leyendo",
    support_us: "Apóyanos",
    remind_later: "Recordármelo más tarde",
    remind_prompt: "¿Hoy no puedes apoyarnos?",
    snoozed: "¡Gracias! Te lo volveremos a pedir dentro de {days}, el {date}.",
    dismiss_banner: "Cerrar",
    donation_region: "Apoya nuestro periodismo",
    error_network: "No se pudo cargar el artículo. Comprueba tu conexión e inténtalo de nuevo.",
    error_timeout: "El artículo está tardando demasiado en cargarse.",
    error_http: "Este artículo no está disponible en este momento.",
    error_content: "Este artículo no se puede mostrar aquí.",
    error_offline: "No tienes conexión. El artículo se cargará cuando vuelvas a estar en línea.",
    retry: "Reintentar",
    notice: "Aviso",
    raised_of_goal: "{raised} de {goal}",
    goal_reached: "¡Objetivo alcanzado, gracias!",
    frequency_legend: "Frecuencia",
    amount_legend: "Importe",
    one_off: "Una vez",
    monthly: "Mensual",
    annual: "Anual",
    payment_methods: "Métodos de pago aceptados",
    other_amount: "Otro importe",
    amount_label: "Tu importe en {currency}",
    amount_empty: "Introduce un importe.",
    amount_invalid: "Introduce un número, por ejemplo 15 o 12,50.",
    amount_not_positive: "El importe debe ser mayor que cero.",
    amount_too_large: "Introduce un importe menor.",
    date: "{d} de {month} de {y}",
};

/// Arabic with Latin (European) digits, as `ar-u-nu-latn`: the article's
/// own numbers are written that way too, so amounts and dates match them.
static AR: Packed = lang! {
    days: { zero: "{n} يوم", one: "يوم واحد", two: "يومين", few: "{n} أيام", many: "{n} يومًا", other: "{n} يوم" },
    months: [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    group: ',',
    decimal: '.',
    group_from_digits: 4,
    symbol_first: false,
    loading: "جارٍ تحميل المقال…",
    by: "بقلم",
    published: "نُشر في",
    updated: "حُدّث في",
    read_on: "اقرأ على {site}",
    read_more: "اقرأ أيضًا",
    continue_reading: "تابع القراءة",
    support_us: "ادعمنا",
    remind_later: "ذكّرني لاحقًا",
    remind_prompt: "لست مستعدًا للدعم اليوم؟",
    snoozed: "شكرًا لك! سنطلب منك مجددًا بعد {days}، في {date}.",
    dismiss_banner: "إغلاق",
    donation_region: "ادعم صحافتنا",
    error_network: "تعذّر تحميل المقال. تحقّق من اتصالك وحاول مرة أخرى.",
    error_timeout: "يستغرق تحميل المقال وقتًا طويلًا.",
    error_http: "هذا المقال غير متاح حاليًا.",
    error_content: "لا يمكن عرض هذا المقال هنا.",
    error_offline: "أنت غير متصل بالإنترنت. سيُحمَّل المقال عند عودة الاتصال.",
    retry: "إعادة المحاولة",
    notice: "تنبيه",
    raised_of_goal: "{raised} من أصل {goal}",
    goal_reached: "تحقّق الهدف — شكرًا لكم!",
    frequency_legend: "التكرار",
    amount_legend: "المبلغ",
    one_off: "مرة واحدة",
    monthly: "شهريًا",
    annual: "سنويًا",
    payment_methods: "طرق الدفع المقبولة",
    other_amount: "مبلغ آخر",
    amount_label: "المبلغ بعملة {currency}",
    amount_empty: "أدخل مبلغًا.",
    amount_invalid: "أدخل رقمًا، مثل 15 أو 12.50.",
    amount_not_positive: "يجب أن يكون المبلغ أكبر من صفر.",
    amount_too_large: "أدخل مبلغًا أصغر.",
    date: "{d} {month} {y}",
};

#[cfg(test)]
mod tests {
    use super::PluralCategory::*;
    use super::*;

    #[test]
    fn tags_pick_their_base_language() {
        for (tag, lang) in [("kk-KZ", Lang::Kk), ("es-419", Lang::Es), ("ar-EG", Lang::Ar), ("EN-gb", Lang::En), ("uk_UA", Lang::Uk)] {
            assert_eq!(Lang::from_tag(tag), Some(lang), "{tag}");
        }
        assert_eq!(Lang::from_tag("pt-BR"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn plural_categories_follow_cldr() {
        let counts = [0, 1, 2, 3, 5, 11, 21, 22, 101];
        let table: &[(Lang, [PluralCategory; 9])] = &[
            (Lang::En, [Other, One, Other, Other, Other, Other, Other, Other, Other]),
            (Lang::De, [Other, One, Other, Other, Other, Other, Other, Other, Other]),
            (Lang::Kk, [Other, One, Other, Other, Other, Other, Other, Other, Other]),
            (Lang::Es, [Other, One, Other, Other, Other, Other, Other, Other, Other]),
            (Lang::Fr, [One, One, Other, Other, Other, Other, Other, Other, Other]),
            (Lang::Ru, [Many, One, Few, Few, Many, Many, One, Few, One]),
            (Lang::Uk, [Many, One, Few, Few, Many, Many, One, Few, One]),
            (Lang::Ar, [Zero, One, Two, Few, Few, Many, Many, Many, Other]),
        ];
        assert_eq!(table.len(), Lang::ALL.len(), "a row per language");
        for (lang, expected) in table {
            for (n, category) in counts.iter().zip(expected) {
                assert_eq!(lang.plural(*n), *category, "{lang:?} {n}");
            }
        }
        assert_eq!(Lang::Fr.plural(1_000_000), Many);
        assert_eq!(Lang::Es.plural(2_000_000), Many);
        assert_eq!(Lang::Ar.plural(111), Many);
    }

    #[test]
    fn counted_days_read_naturally() {
        let table: &[(Lang, u64, &str)] = &[
            (Lang::En, 1, "1 day"),
            (Lang::En, 30, "30 days"),
            (Lang::Ru, 1, "1 день"),
            (Lang::Ru, 3, "3 дня"),
            (Lang::Ru, 30, "30 дней"),
            (Lang::Ru, 21, "21 день"),
            (Lang::Uk, 22, "22 дні"),
            (Lang::Uk, 11, "11 днів"),
            (Lang::De, 30, "30 Tagen"),
            (Lang::Fr, 1, "1 jour"),
            (Lang::Es, 30, "30 días"),
            (Lang::Kk, 30, "30 күн"),
            (Lang::Ar, 1, "يوم واحد"),
            (Lang::Ar, 2, "يومين"),
            (Lang::Ar, 3, "3 أيام"),
            (Lang::Ar, 30, "30 يومًا"),
            (Lang::Ar, 100, "100 يوم"),
        ];
        for (lang, n, expected) in table {
            assert_eq!(lang.count(&lang.strings().days, *n), *expected, "{lang:?} {n}");
        }
    }

    #[test]
    fn fill_and_around_handle_slots() {
        assert_eq!(fill("Read on {site}", &[("site", "X")]), "Read on X");
        assert_eq!(fill("{a}{b} {c}", &[("a", "1"), ("b", "2")]), "12 {c}");
        assert_eq!(fill("{ unclosed", &[]), "{ unclosed");
        assert_eq!(around("{site} сайтында оқу", "site"), ("", " сайтында оқу"));
        assert_eq!(around("Read on {site}", "site"), ("Read on ", ""));
        assert_eq!(around("no slot", "site"), ("no slot", ""));
    }

    #[test]
    fn every_language_packs_every_field_in_order() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang as usize, i, "{lang:?}: `Lang::ALL` in declaration order (the cache's index)");
            let packed = lang.packed();
            assert_eq!(packed.fields, Strings::FIELDS, "{lang:?}: the text fields, in the order of `strings!`");
            let parts: Vec<&str> = packed.text.split(SEP).collect();
            assert_eq!(parts.len(), Strings::FIELDS.len() + 6 + 12, "{lang:?}: fields, six plural forms, twelve months");
            assert!(parts.iter().all(|p| !p.is_empty()), "{lang:?}: an empty part");
            let s = lang.strings();
            let n = Strings::FIELDS.len();
            assert_eq!(
                (s.loading, s.date, s.days.zero, s.days.other, s.months[0], s.months[11]),
                (parts[0], parts[n - 1], parts[n], parts[n + 5], parts[n + 6], parts[n + 17]),
                "{lang:?}"
            );
            assert!(std::ptr::eq(s, lang.strings()), "{lang:?}: unpacked once");
        }
    }

    #[test]
    fn every_template_has_its_slots() {
        for lang in Lang::ALL {
            let s = lang.strings();
            for (name, template, slots) in [
                ("read_on", s.read_on, &["{site}"][..]),
                ("snoozed", s.snoozed, &["{days}", "{date}"]),
                ("raised_of_goal", s.raised_of_goal, &["{raised}", "{goal}"]),
                ("amount_label", s.amount_label, &["{currency}"]),
                ("date", s.date, &["{d}", "{month}", "{y}"]),
            ] {
                for slot in slots {
                    assert!(template.contains(slot), "{lang:?} {name} lacks {slot}");
                }
            }
            assert_eq!(lang.dir() == "rtl", lang == Lang::Ar);
        }
    }
}
