//! "Did you mean": the known names nearest to one that names nothing (a token path, a
//! component, a source), for the hint of the error that says so.

/// At most this many known names are compared (a misspelt name in a store of a million
/// tokens still answers at once; beyond it no suggestion is made).
const MAX_CANDIDATES: usize = 200_000;

/// Up to three known names within a small edit distance of `wanted` (letters swapped,
/// missing, extra or wrong; case ignored), all at the nearest distance found.
pub fn nearest<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    let limit = (wanted.chars().count() / 3).clamp(1, 3);
    let mut found: Vec<(usize, &'a str)> = known
        .into_iter()
        .take(MAX_CANDIDATES)
        .filter(|k| *k != wanted)
        .filter_map(|k| {
            // Cheap bound first: lengths further apart than the limit cannot be near.
            if k.chars().count().abs_diff(wanted.chars().count()) > limit {
                return None;
            }
            let d = strsim::damerau_levenshtein(&k.to_lowercase(), &wanted_lower);
            (d <= limit).then_some((d, k))
        })
        .collect();
    found.sort_unstable();
    found.dedup_by(|a, b| a.1 == b.1);
    // Only the nearest: a name one typo away hides those two away.
    let best = found.first().map_or(0, |(d, _)| *d);
    found
        .into_iter()
        .take_while(|(d, _)| *d == best)
        .take(3)
        .map(|(_, k)| k)
        .collect()
}

/// The hint for `wanted`, which names nothing: the nearest known names when there are
/// some (`did you mean `color.bg.default`?`), else `otherwise`.
pub fn hint<'a>(
    wanted: &str,
    known: impl IntoIterator<Item = &'a str>,
    otherwise: impl Into<String>,
) -> String {
    let near = nearest(wanted, known);
    match near.as_slice() {
        [] => otherwise.into(),
        [one] => format!("did you mean `{one}`?"),
        many => {
            let quoted: Vec<String> = many.iter().map(|n| format!("`{n}`")).collect();
            let (last, rest) = quoted.split_last().unwrap_or((&quoted[0], &[]));
            format!("did you mean {} or {last}?", rest.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_names() {
        let known = [
            "color.bg.default",
            "color.bg.muted",
            "color.fg.default",
            "space.md",
        ];
        assert_eq!(nearest("color.bg.defualt", known), ["color.bg.default"]);
        assert_eq!(nearest("Buton", ["Button", "Badge", "Card"]), ["Button"]);
        assert_eq!(nearest("card", ["Button", "Badge", "Card"]), ["Card"]);
        assert!(nearest("typography.heading", known).is_empty());
        assert_eq!(
            hint("color.bg.defualt", known, "run `opends tokens list`"),
            "did you mean `color.bg.default`?"
        );
        assert_eq!(
            hint("space.mb", ["space.md", "space.sm", "space.lg"], "x"),
            "did you mean `space.md`?"
        );
        assert_eq!(hint("a1", ["a2", "a3"], "x"), "did you mean `a2` or `a3`?");
        assert_eq!(
            hint("zzz", known, "run `opends tokens list`"),
            "run `opends tokens list`"
        );
    }
}
