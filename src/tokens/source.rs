//! Positions in a token file: byte offsets to `file:line:column` for findings.

use crate::tokens::finding::Location;

/// Positions for findings in one file.
pub struct Source<'t> {
    /// The file name shown in findings.
    pub name: &'t str,
    shared_name: std::sync::Arc<str>,
    /// The file's text.
    pub text: &'t str,
    /// (offset, line, column in characters) of the last lookup: tokens are read in
    /// file order, so each lookup only scans forward from the previous one.
    cursor: std::cell::Cell<(u32, u32, u32)>,
    /// For documents built in code (no text, so no lines): what node offset `n` stands
    /// for (`labels[n - 1]`, e.g. a design tool's variable); offset 0 is the document.
    labels: Option<Vec<std::sync::Arc<str>>>,
}

impl<'t> Source<'t> {
    /// Indexes `text` for positions.
    pub fn new(name: &'t str, text: &'t str) -> Self {
        Self {
            name,
            shared_name: name.into(),
            text,
            cursor: std::cell::Cell::new((0, 1, 0)),
            labels: None,
        }
    }

    /// A document built in code, without text: a node's offset is the 1-based index of
    /// its label in `labels` (offset 0, or one past the end, is the document itself), and
    /// a finding's location is that label, without a line or column.
    pub fn labelled(name: &'t str, labels: Vec<String>) -> Self {
        Self {
            labels: Some(labels.into_iter().map(Into::into).collect()),
            ..Self::new(name, "")
        }
    }

    /// The location of a byte offset (of a label, for a [`Source::labelled`] document).
    pub fn loc(&self, offset: u32) -> Location {
        if let Some(labels) = &self.labels {
            let label = (offset as usize)
                .checked_sub(1)
                .and_then(|i| labels.get(i))
                .unwrap_or(&self.shared_name);
            return Location {
                file: Some(label.clone()),
                line: 0,
                column: 0,
            };
        }
        let (line, column) = self.position(offset);
        Location {
            file: Some(self.shared_name.clone()),
            line,
            column,
        }
    }
}

impl Source<'_> {
    fn position(&self, offset: u32) -> (u32, u32) {
        let bytes = self.text.as_bytes();
        let offset = offset.min(bytes.len() as u32);
        // The cursor: a byte offset, its line, and its column in characters. Positions
        // are asked for in increasing order, so each byte is scanned once, also on a
        // minified file that is one long line.
        let (mut at, mut line, mut col) = self.cursor.get();
        if offset < at {
            (at, line, col) = (0, 1, 0);
        }
        let between = &bytes[at as usize..offset as usize];
        let chars = |b: &[u8]| b.iter().filter(|&&c| (c & 0xC0) != 0x80).count() as u32;
        match between.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                #[allow(clippy::naive_bytecount)] // vectorised by the compiler; no extra crate
                let newlines = between.iter().filter(|&&b| b == b'\n').count();
                line += newlines as u32;
                col = chars(&between[last + 1..]);
            }
            None => col += chars(between),
        }
        self.cursor.set((offset, line, col));
        (line, col + 1)
    }
}
