//! A web page saved by the browser as one file (.mhtml, .mht: "Web archive, single file"), read
//! as the page it holds.
//!
//! Such a file is a MIME message: headers (`MIME-Version: 1.0`, `Content-Type: multipart/related;
//! boundary="…"`), then parts separated by `--boundary` lines, each with its own headers: the page
//! (`Content-Type: text/html; charset="gbk"`, `Content-Transfer-Encoding: quoted-printable` or
//! `base64`), then its images and styles. The first `text/html` part is decoded from its transfer
//! encoding and read by [`super::html::read`] with the part's charset.

use super::html;
use crate::document::Document;
use crate::text::Trimmed;
use base64::Engine;
use encoding_rs::Encoding;

/// How far into the file its MIME headers are looked for.
const SNIFF_BYTES: usize = 8192;

/// Multipart messages nested deeper than this are not searched for the page.
const MAX_NESTING: usize = 4;

/// Whether the bytes are a MIME web archive: a block of `Name: value` headers at the start with
/// a `Content-Type` that is `multipart/…`, or `text/html` beside a `MIME-Version`.
pub fn is_mhtml(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = &start[start.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(start.len())..];
    let head = &start[..start.len().min(SNIFF_BYTES)];
    let Some((header_end, _)) = header_end(head) else { return false };
    let headers = parse_headers(&head[..header_end]);
    let Some(headers) = headers else { return false };
    let (mime, _) = content_type(&headers);
    let has_version = headers.iter().any(|(name, _)| name == "mime-version");
    mime.starts_with("multipart/") || (mime == "text/html" && has_version)
}

/// Reads the page an MHTML archive holds. The error is a reason for [`crate::Error::NotText`].
pub fn read(bytes: &[u8]) -> Result<Document, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let (page, charset) = find_page(&bytes[start..], 0)?.ok_or_else(|| {
        "it is a MIME web archive (.mhtml) with no text/html part, so it holds no page".to_owned()
    })?;
    html::read(&page, charset)
}

/// A page's bytes, decoded from their transfer encoding, and the charset its part declares.
type Page = (Vec<u8>, Option<&'static Encoding>);

/// The first `text/html` part in the message `part`.
fn find_page(part: &[u8], depth: usize) -> Result<Option<Page>, String> {
    let (headers, body) = match header_end(part) {
        Some((end, body_start)) => (parse_headers(&part[..end]).unwrap_or_default(), &part[body_start..]),
        None => (Vec::new(), part),
    };
    let (mime, params) = content_type(&headers);
    let param = |name: &str| params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    if mime.starts_with("multipart/") && depth < MAX_NESTING {
        let Some(boundary) = param("boundary").filter(|b| !b.is_empty()) else {
            return Err("it is a MIME web archive (.mhtml) whose Content-Type names no boundary".to_owned());
        };
        for sub in parts(body, boundary) {
            if let Some(page) = find_page(sub, depth + 1)? {
                return Ok(Some(page));
            }
        }
        return Ok(None);
    }
    if mime != "text/html" {
        return Ok(None);
    }
    let encoding = headers
        .iter()
        .find(|(name, _)| name == "content-transfer-encoding")
        .map_or(String::new(), |(_, value)| value.trimmed().to_ascii_lowercase());
    let page = match encoding.as_str() {
        "base64" => {
            let clean: Vec<u8> = body.iter().copied().filter(|b| !b.is_ascii_whitespace()).collect();
            base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT.decode(clean).map_err(|e| {
                format!("its page (the text/html part of the .mhtml archive) is damaged base64 ({e})")
            })?
        }
        "quoted-printable" => {
            quoted_printable::decode(body, quoted_printable::ParseMode::Robust).map_err(|e| {
                format!(
                    "its page (the text/html part of the .mhtml archive) is damaged quoted-printable ({e})"
                )
            })?
        }
        _ => body.to_vec(),
    };
    Ok(Some((page, param("charset").and_then(|c| Encoding::for_label(c.as_bytes())))))
}

/// Where the headers end (the blank line) and the body starts, if there is a blank line.
fn header_end(bytes: &[u8]) -> Option<(usize, usize)> {
    let crlf = find(bytes, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = find(bytes, b"\n\n").map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// Headers as lower-case names and unfolded values; `None` when a line is not a header.
fn parse_headers(block: &[u8]) -> Option<Vec<(String, String)>> {
    let text = String::from_utf8_lossy(block);
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            let (_, value) = headers.last_mut()?;
            value.push(' ');
            value.push_str(line.trimmed());
            continue;
        }
        let (name, value) = line.split_once(':')?;
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) {
            return None;
        }
        headers.push((name.to_ascii_lowercase(), value.trimmed().to_owned()));
    }
    Some(headers)
}

/// The `Content-Type` header's type (lower case; `text/plain` when absent, as MIME says) and
/// its parameters (names lower case, values unquoted).
fn content_type(headers: &[(String, String)]) -> (String, Vec<(String, String)>) {
    let Some((_, value)) = headers.iter().find(|(name, _)| name == "content-type") else {
        return ("text/plain".to_owned(), Vec::new());
    };
    let mut fields = split_unquoted(value, ';').into_iter();
    let mime = fields.next().unwrap_or_default().trimmed().to_ascii_lowercase();
    let params = fields
        .filter_map(|field| {
            let (name, value) = field.split_once('=')?;
            Some((name.trimmed().to_ascii_lowercase(), value.trimmed().trim_matches('"').to_owned()))
        })
        .collect();
    (mime, params)
}

/// `text` split at `separator` where it stands outside double quotes.
fn split_unquoted(text: &str, separator: char) -> Vec<&str> {
    let (mut fields, mut start, mut quoted) = (Vec::new(), 0, false);
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            c if c == separator && !quoted => {
                fields.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    fields.push(&text[start..]);
    fields
}

/// The parts of a multipart body: what stands between `--boundary` lines, up to the closing
/// `--boundary--` (or the end of a cut file).
fn parts<'a>(body: &'a [u8], boundary: &str) -> Vec<&'a [u8]> {
    let delimiter = format!("--{boundary}");
    let mut starts = Vec::new();
    let mut from = 0;
    while let Some(i) = find(&body[from..], delimiter.as_bytes()) {
        let at = from + i;
        if at == 0 || body[at - 1] == b'\n' {
            starts.push(at);
        }
        from = at + delimiter.len();
    }
    let mut parts = Vec::new();
    for (n, &at) in starts.iter().enumerate() {
        let after = at + delimiter.len();
        if body[after..].starts_with(b"--") {
            break;
        }
        let content = body[after..].iter().position(|&b| b == b'\n').map_or(body.len(), |i| after + i + 1);
        let end = starts.get(n + 1).copied().unwrap_or(body.len()).max(content);
        let part = &body[content..end];
        let part = part.strip_suffix(b"\n").unwrap_or(part);
        parts.push(part.strip_suffix(b"\r").unwrap_or(part));
    }
    parts
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page saved the way Chrome and IE do, its HTML in `encoding` (`base64` or
    /// `quoted-printable`) and GBK.
    fn archive(page: &str, transfer: &str) -> Vec<u8> {
        let (gbk, _, _) = encoding_rs::GBK.encode(page);
        let body = match transfer {
            "base64" => base64::engine::general_purpose::STANDARD.encode(&gbk).into_bytes(),
            _ => quoted_printable::encode(&gbk),
        };
        let mut out = b"From: <Saved by Blink>\r\nSubject: =?utf-8?Q?x?=\r\nMIME-Version: 1.0\r\n\
            Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----=_Part;7\"\r\n\r\n\
            This is a multi-part message in MIME format.\r\n\r\n------=_Part;7\r\n\
            Content-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/4AAQ\r\n\
            ------=_Part;7\r\nContent-Type: text/html; charset=\"gbk\"\r\n"
            .to_vec();
        out.extend(
            format!("Content-Transfer-Encoding: {transfer}\r\nContent-Location: http://x/\r\n\r\n").bytes(),
        );
        out.extend(body);
        out.extend(b"\r\n------=_Part;7--\r\n");
        out
    }

    const PAGE: &str = "<html><body><p>关于吴兴区2023年国民经济和社会发展计划执行情况的报告</p>\
        <table><tr><td>指标</td><td>目标</td></tr><tr><td>地区生产总值增速</td><td>6%</td></tr></table></body></html>";

    #[test]
    fn the_page_is_read_from_quoted_printable_and_base64_parts_in_gbk() {
        for transfer in ["quoted-printable", "base64"] {
            let bytes = archive(PAGE, transfer);
            assert!(is_mhtml(&bytes), "{transfer}");
            let doc = read(&bytes).unwrap();
            assert_eq!(
                doc.text,
                "关于吴兴区2023年国民经济和社会发展计划执行情况的报告\n指标\t目标\n地区生产总值增速\t6%\n",
                "{transfer}"
            );
            assert_eq!(doc.encoding, "GBK");
            assert_eq!(doc.tables[0].grid.text(1, 1), "6%");
        }
    }

    #[test]
    fn archives_without_a_page_or_boundary_are_errors() {
        let no_page = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nx\r\n--b--\r\n";
        assert!(is_mhtml(no_page));
        assert!(read(no_page).unwrap_err().contains("no text/html part"));
        let no_boundary = b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nx";
        assert!(read(no_boundary).unwrap_err().contains("names no boundary"));
        let bad = b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\n%%%\n";
        assert!(read(bad).unwrap_err().contains("damaged base64"));
    }

    #[test]
    fn only_mime_headers_make_an_archive() {
        assert!(!is_mhtml("关于铜梁区2023年国民经济和社会发展计划执行情况\n\n一、".as_bytes()));
        assert!(!is_mhtml(b"Note: this is text\nwith a second line that is not a header\n\nbody"));
        assert!(!is_mhtml(b"Content-Type: text/html\n\n<p>x</p>"));
        assert!(is_mhtml(b"MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<p>x</p>"));
    }
}
