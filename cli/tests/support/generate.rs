//! A made-up RSS 2.0 feed of any size, for the batch tests and the
//! benchmark (`make bench-cli`): realistic items (a few kB of HTML in
//! `content:encoded`, categories, an author, an image, RFC 2822 dates),
//! the same bytes for the same size, written as a stream.

use std::io::{self, Write};

const SECTIONS: [&str; 12] =
    ["Politics", "Energy", "Courts", "Business", "Sport", "Culture", "Science", "Health", "Transport", "Weather", "Education", "Travel"];
const TAGS: [&str; 9] = ["Almaty", "Astana", "oil", "elections", "trade", "football", "climate", "rail", "schools"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Writes a feed of `items` items to `out`.
pub fn write_rss(out: &mut impl Write, items: usize) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\">"
    )?;
    writeln!(out, "<channel><title>The Generated Gazette</title><link>https://gazette.example/</link><language>en</language>")?;
    for i in 1..=items {
        item(out, i)?;
    }
    writeln!(out, "</channel></rss>")
}

/// A feed of `items` items as text.
#[allow(dead_code)]
pub fn rss(items: usize) -> String {
    let mut out = Vec::new();
    write_rss(&mut out, items).expect("writing to memory");
    String::from_utf8(out).expect("the generator writes UTF-8")
}

fn item(out: &mut impl Write, i: usize) -> io::Result<()> {
    // Dates go back about six hours an item, with some out of order, and
    // every 50th the same as its neighbour's.
    let hours = (i / 50) * 300 + (i % 50) * 6 + (i * 7919) % 5;
    let (day, hour) = (hours / 24, hours % 24);
    let (year, month, mday) = (2024 - (day / 336) as i32, 11 - (day / 28) % 12, 28 - day % 28);
    let section = SECTIONS[(i * 7) % SECTIONS.len()];
    let tag = TAGS[(i * 5 + i / 9) % TAGS.len()];
    let slug = format!("story-{i}-{}", section.to_lowercase());
    // Every 100th item repeats a guid, to exercise the id suffixes.
    let guid = if i % 100 == 0 { format!("https://gazette.example/{}/", i - 1) } else { format!("https://gazette.example/{i}/") };
    writeln!(out, "<item><title>Story {i}: {section} &amp; the {tag} question</title>")?;
    writeln!(out, "<link>https://gazette.example/{year}/{:02}/{mday:02}/{slug}/</link>", month + 1)?;
    writeln!(out, "<guid isPermaLink=\"false\">{guid}</guid>")?;
    writeln!(out, "<pubDate>{mday:02} {} {year} {hour:02}:{:02}:00 +0500</pubDate>", MONTHS[month], (i * 13) % 60)?;
    writeln!(out, "<dc:creator><![CDATA[Reporter {}]]></dc:creator>", i % 17)?;
    writeln!(out, "<category><![CDATA[{section}]]></category><category><![CDATA[{tag}]]></category>")?;
    writeln!(out, "<description><![CDATA[<p>What happened in story {i}, in one paragraph.</p>]]></description>")?;
    write!(out, "<content:encoded><![CDATA[")?;
    for p in 0..6 {
        write!(
            out,
            "<p>Paragraph {p} of story {i}: <strong>officials</strong> said on Tuesday that the {tag} plan would go ahead, \
             and <em>critics</em> replied that <a href=\"/{year}/{:02}/{mday:02}/background-{p}/\">the background</a> \
             told a different story. Residents of the city, interviewed over three days, mostly agreed with the critics; \
             a few said they had not heard of the plan at all.</p>",
            month + 1
        )?;
        if p == 2 {
            write!(
                out,
                "<h2>What comes next</h2><figure><img src=\"https://gazette.example/i/{i}.jpg\" alt=\"A street in the city\" \
                 width=\"1200\" height=\"800\"/><figcaption>The city centre. <span class=\"credit\">Gazette</span></figcaption></figure>\
                 <ul><li>A vote in <b>spring</b></li><li>A review in autumn</li></ul>"
            )?;
        }
    }
    writeln!(out, "]]></content:encoded>")?;
    writeln!(out, "<media:content url=\"https://gazette.example/i/{i}-lead.jpg\" medium=\"image\" width=\"1200\" height=\"800\"/>")?;
    writeln!(out, "</item>")
}
