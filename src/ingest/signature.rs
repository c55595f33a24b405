//! Files plangap recognises by their first bytes but cannot read, each with what it is and how
//! to convert it; and files named as Word documents that are not.

use crate::error::Error;
use std::io::Cursor;

/// The signature of an OLE2 compound file: legacy Word (.doc), WPS (.wps), Excel (.xls).
const OLE2: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
/// The signature of a zip archive (a .docx is one).
pub const ZIP: &[u8] = b"PK\x03\x04";
/// The start of an RTF document.
const RTF: &[u8] = b"{\\rtf";

/// The error for a file in a format plangap does not read, by its signature (or, for a file
/// named `.docx`, `.doc` or `.wps` that is none of these, by its name); `None` for the rest.
pub fn unreadable(file: &str, bytes: &[u8]) -> Option<Error> {
    let extension = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let legacy = |kind: &'static str| Some(Error::Legacy { file: file.to_owned(), kind });
    if bytes.starts_with(OLE2) {
        return match extension.as_str() {
            "wps" => legacy("a WPS Office document (.wps)"),
            "doc" => legacy("a legacy Word document (.doc, Word 97–2003)"),
            _ => legacy("a legacy Office document (OLE2: Word .doc, WPS .wps or Excel .xls)"),
        };
    }
    if bytes.starts_with(RTF) {
        return legacy("an RTF document");
    }
    let not_word = |reason: &str| Some(Error::NotWord { file: file.to_owned(), reason: reason.to_owned() });
    if bytes.starts_with(ZIP) {
        return match zip::ZipArchive::new(Cursor::new(bytes)) {
            Err(_) => not_word("it is a damaged zip archive"),
            Ok(archive) if archive.index_for_name("word/document.xml").is_none() => {
                not_word("it is a zip archive without word/document.xml")
            }
            Ok(_) => None,
        };
    }
    match extension.as_str() {
        "docx" | "doc" | "wps" => {
            not_word(&format!("it is named .{extension} but is neither a zip archive nor an OLE2 file"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_with(name: &str) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        writer.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        writer.write_all(b"<x/>").unwrap();
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn legacy_word_and_wps_say_what_they_are_and_how_to_convert() {
        let mut ole = OLE2.to_vec();
        ole.extend([0; 504]);
        let message = unreadable("报告.doc", &ole).unwrap().to_string();
        assert!(message.starts_with("报告.doc: a legacy Word document (.doc, Word 97–2003)"), "{message}");
        assert!(message.contains("soffice --headless --convert-to docx"), "{message}");
        let message = unreadable("报告.WPS", &ole).unwrap().to_string();
        assert!(message.contains("a WPS Office document (.wps)"), "{message}");
    }

    #[test]
    fn a_fake_docx_is_not_a_word_file() {
        let message = unreadable("a.docx", &zip_with("content.xml")).unwrap().to_string();
        assert!(
            message.starts_with("a.docx: not a Word file (it is a zip archive without word/document.xml)")
        );
        let message = unreadable("a.docx", "关于綦江区".as_bytes()).unwrap().to_string();
        assert!(
            message.starts_with("a.docx: not a Word file (it is named .docx but is neither"),
            "{message}"
        );
        assert!(unreadable("a.docx", &zip_with("word/document.xml")).is_none());
        assert!(unreadable("a.txt", "关于綦江区".as_bytes()).is_none());
    }
}
