//! The DTCG 2025.10 conformance suite (tests/fixtures/dtcg, a copy of the community
//! group's fixtures): every positive case validates, every negative case fails with an
//! error that names the problem.

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::fmt::Write as _;

use serde_json::Value;

use crate::support::{Test, fixture};

/// Negative case id -> a short text the error message must contain, so that the person
/// reading it knows what is wrong. Derived from the messages opends prints; the few
/// that do not name the problem yet say what they should contain.
const EXPECTED: &[(&str, &str)] = &[
    // borders
    (
        "border-composite-color-wrong-type",
        "a color value must be an object",
    ),
    ("border-missing-color", "needs `color`"),
    ("border-missing-style", "needs `style`"),
    ("border-missing-width", "needs `width`"),
    (
        "border-style-wrong-type",
        "a strokeStyle value must be a keyword or an object",
    ),
    ("border-wrong-color-type", "found the string `#ff0000`"),
    // colors
    ("color-alpha-out-of-range", "alpha is 1.5"),
    (
        "color-component-out-of-range",
        "is 2; it must be within [0, 1]",
    ),
    ("color-components-not-array", "components must be an array"),
    ("color-hex-not-string", "hex must be a string"),
    ("color-hex-with-alpha", "hex `#ff000080`"),
    ("color-hex-wrong-format", "hex `#f00`"),
    ("color-missing-colorSpace", "needs `colorSpace`"),
    ("color-missing-components", "needs `components`"),
    (
        "color-mixed-none-and-invalid",
        "must be a number or `\"none\"`",
    ),
    ("color-negative-alpha", "alpha is -0.5"),
    (
        "color-negative-component",
        "is -0.5; it must be within [0, 1]",
    ),
    ("color-unknown-colorSpace", "unknown colorSpace `cmyk`"),
    ("color-wrong-component-count", "takes 3 components, found 2"),
    (
        "color-hsl-hue-equals-360",
        "is 360; it must be within [0, 360)",
    ),
    (
        "color-hsl-negative-lightness",
        "is -10; it must be within [0, 100]",
    ),
    (
        "color-hsl-saturation-over-100",
        "is 150; it must be within [0, 100]",
    ),
    (
        "color-lab-lightness-over-100",
        "is 150; it must be within [0, 100]",
    ),
    ("color-lch-negative-chroma", "is -10"),
    (
        "color-oklab-lightness-over-1",
        "is 1.5; it must be within [0, 1]",
    ),
    (
        "color-oklch-hue-equals-360",
        "is 360; it must be within [0, 360)",
    ),
    // cubicBezier
    ("cubicBezier-negative-x", "found -0.1"),
    (
        "cubicBezier-string-value",
        "must be a number, found a string",
    ),
    ("cubicBezier-wrong-length", "needs 4 numbers"),
    ("cubicBezier-x-out-of-range", "found 1.5"),
    // dimensions, durations
    ("dimension-missing-unit", "needs `unit`"),
    ("dimension-missing-value", "needs `value`"),
    ("dimension-string-value", "`value` must be a number"),
    ("dimension-wrong-unit", "unit `em`"),
    ("duration-missing-unit", "needs `unit`"),
    ("duration-missing-value", "needs `value`"),
    ("duration-wrong-unit", "unit `min`"),
    // fontFamily, fontWeight
    (
        "fontFamily-array-with-number",
        "each font family must be a non-empty string",
    ),
    (
        "fontFamily-number",
        "a fontFamily value must be a string or an array",
    ),
    ("fontWeight-out-of-range-high", "1001"),
    ("fontWeight-out-of-range-low", "font weight 0"),
    ("fontWeight-unknown-string", "`super-bold`"),
    ("fontWeight-wrong-case", "`BOLD`"),
    // gradients
    ("gradient-empty-array", "at least one stop"),
    ("gradient-missing-color", "needs `color`"),
    ("gradient-missing-position", "needs `position`"),
    ("gradient-position-string", "position must be a number"),
    // groups
    ("group-both-value-and-children", "`child-token`"),
    ("group-circular-extends", "`$extends` cycle"),
    ("group-extends-nonexistent", "`nonexistent.group`"),
    ("group-extends-token", "which is a token"),
    ("group-type-not-string", "`$type` must be a string"),
    // metadata
    ("metadata-deprecated-number", "`$deprecated` must be"),
    ("metadata-deprecated-object", "`$deprecated` must be"),
    (
        "metadata-description-not-string",
        "`$description` must be a string",
    ),
    (
        "metadata-extensions-not-object",
        "`$extensions` must be an object",
    ),
    ("metadata-extra-properties-in-token", "`customProp`"),
    ("metadata-token-missing-type", "no `$type`"),
    ("metadata-type-unknown", "unknown type `customType`"),
    ("metadata-value-null", "`$value` cannot be null"),
    // numbers
    ("number-object", "a number value must be a JSON number"),
    ("number-string", "a number value must be a JSON number"),
    // references
    ("reference-circular-reference-chain", "cycle"),
    (
        "reference-composite-json-pointer-missing-required",
        "needs `offsetY`",
    ),
    (
        "reference-composite-ref-to-number-for-dimension",
        "is a number token, but a dimension is needed",
    ),
    (
        "reference-composite-ref-to-partial-color",
        "a valid color value is needed",
    ),
    (
        "reference-composite-ref-wrong-subvalue-type",
        "is a dimension token, but a color is needed",
    ),
    (
        "reference-gradient-ref-to-non-gradient-stop",
        "but a gradient is needed",
    ),
    (
        "reference-json-pointer-array-as-string",
        "`#/colors/srgb-color/$value/components/first` does not exist",
    ),
    // The file has both `$ref` and `$value`, which is reported (and is itself invalid).
    (
        "reference-json-pointer-circular-with-ref",
        "either `$value` or `$ref`, not both",
    ),
    (
        "reference-json-pointer-double-slash",
        "`#/colors//primary/$value`",
    ),
    (
        "reference-json-pointer-empty-path",
        "points at the whole document",
    ),
    (
        "reference-json-pointer-incomplete-dimension",
        "a valid dimension value is needed",
    ),
    (
        "reference-json-pointer-malformed-syntax",
        "is not a JSON pointer",
    ),
    (
        "reference-json-pointer-missing-hash",
        "must start with `#/`",
    ),
    (
        "reference-json-pointer-missing-value",
        "itself, not at its value",
    ),
    (
        "reference-json-pointer-mixed-ref-syntax",
        "`#/colors/{srgb-color}/$value`",
    ),
    (
        "reference-json-pointer-negative-array-index",
        "`#/colors/srgb-color/$value/components/-1` does not exist",
    ),
    ("reference-json-pointer-nonexistent", "does not exist"),
    (
        "reference-json-pointer-space-in-path",
        "`#/colors/token with spaces/$value`",
    ),
    (
        "reference-json-pointer-to-description",
        "points at `$description`",
    ),
    ("reference-json-pointer-to-group", "group"),
    ("reference-json-pointer-to-metadata", "points at `$type`"),
    (
        "reference-json-pointer-trailing-slash",
        "`#/colors/srgb-color/$value/` does not exist",
    ),
    (
        "reference-json-pointer-type-mismatch",
        "a valid dimension value is needed",
    ),
    (
        "reference-json-pointer-wrong-array-index",
        "`#/colors/srgb-color/$value/components/99` does not exist",
    ),
    (
        "reference-json-pointer-wrong-property",
        "`#/shadows/small/$value/radius` does not exist",
    ),
    ("reference-json-pointer-wrong-separator", "separated by `/`"),
    (
        "reference-ref-and-value-both-present",
        "either `$value` or `$ref`, not both",
    ),
    ("reference-empty", "empty reference `{}`"),
    (
        "reference-nonexistent",
        "unknown reference `{nonexistent.token}`",
    ),
    ("reference-syntax-missing-brace", "has no closing `}`"),
    (
        "reference-to-wrong-subvalue",
        "unknown reference `{colors.srgb-color.components.0}`",
    ),
    (
        "reference-type-mismatch",
        "is a dimension token, but a color is needed",
    ),
    (
        "reference-with-spaces",
        "unknown reference `{ colors . srgb-color }`",
    ),
    ("reference-self-reference", "references itself"),
    (
        "reference-stroke-dashArray-ref-wrong-type",
        "is a number token, but a dimension is needed",
    ),
    // shadows
    (
        "shadow-array-with-non-object",
        "a shadow value must be an object",
    ),
    ("shadow-missing-blur", "needs `blur`"),
    ("shadow-missing-color", "needs `color`"),
    ("shadow-missing-offsetX", "needs `offsetX`"),
    ("shadow-missing-offsetY", "needs `offsetY`"),
    ("shadow-missing-spread", "needs `spread`"),
    ("shadow-wrong-inset-type", "`inset` must be true or false"),
    // strokeStyle
    (
        "strokeStyle-dashArray-non-dimension",
        "`dashArray.0`: a dimension value must be an object",
    ),
    (
        "strokeStyle-empty-dashArray",
        "dashArray needs at least one dimension",
    ),
    ("strokeStyle-missing-dashArray", "needs `dashArray`"),
    ("strokeStyle-missing-lineCap", "needs `lineCap`"),
    ("strokeStyle-unknown-string", "unknown strokeStyle `wavy`"),
    ("strokeStyle-wrong-lineCap", "lineCap must be"),
    // token names
    ("token-name-curly-brace", "cannot contain `{`"),
    ("token-name-period", "cannot contain `.`"),
    ("token-name-starts-with-dollar", "`$invalidName`"),
    // transitions
    ("transition-missing-delay", "needs `delay`"),
    ("transition-missing-duration", "needs `duration`"),
    (
        "transition-missing-timingFunction",
        "needs `timingFunction`",
    ),
    // typography
    (
        "typography-composite-dimension-wrong-type",
        "`fontSize`: a dimension value must be an object",
    ),
    (
        "typography-lineHeight-wrong-type",
        "`lineHeight`: a number value must be a JSON number",
    ),
    ("typography-missing-fontFamily", "needs `fontFamily`"),
    ("typography-missing-fontSize", "needs `fontSize`"),
    ("typography-missing-fontWeight", "needs `fontWeight`"),
    ("typography-missing-letterSpacing", "needs `letterSpacing`"),
    ("typography-missing-lineHeight", "needs `lineHeight`"),
    // resolver documents
    ("missing-version", "`version` is required"),
    (
        "wrong-version",
        "`version` must be the string `\"2025.10\"`",
    ),
    ("missing-resolution-order", "resolutionOrder"),
    (
        "empty-resolution-order",
        "`resolutionOrder` needs at least one set or modifier",
    ),
    (
        "duplicate-names-in-resolution-order",
        "`colors` is used twice",
    ),
    (
        "reference-to-resolution-order-item",
        "may not reference `#/resolutionOrder/",
    ),
    ("inline-set-missing-type", "needs `type`"),
    ("inline-set-missing-name", "needs `name`"),
    ("set-missing-sources", "`sources` is required"),
    (
        "set-with-additional-properties",
        "unknown property `unexpectedProperty`",
    ),
    (
        "set-referencing-modifier",
        "may not reference `#/modifiers/",
    ),
    ("inline-modifier-missing-type", "needs `type`"),
    ("inline-modifier-missing-name", "needs `name`"),
    ("modifier-missing-contexts", "needs `contexts`"),
    ("modifier-empty-contexts", "at least 2 contexts, found 0"),
    ("modifier-single-context", "at least 2 contexts, found 1"),
    (
        "modifier-with-additional-properties",
        "unknown property `unexpectedProperty`",
    ),
    (
        "modifier-referencing-modifier",
        "may not reference `#/modifiers/",
    ),
    ("circular-reference-in-sets", "reference cycle"),
    (
        "root-with-additional-properties",
        "unknown property `unexpectedProperty`",
    ),
];

struct Case {
    suite: &'static str,
    id: String,
    positive: bool,
    input: String,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for suite in ["format", "resolver"] {
        let path = fixture(&format!("dtcg/{suite}/manifest.json"));
        let text = std::fs::read_to_string(&path).expect("read a manifest");
        let manifest: Value = serde_json::from_str(&text).expect("a manifest is JSON");
        for t in manifest["tests"].as_array().expect("`tests` is an array") {
            let kind = t["type"].as_str().expect("a test type");
            assert!(
                matches!(kind, "PositiveEvaluationTest" | "NegativeEvaluationTest"),
                "unknown test type {kind}"
            );
            out.push(Case {
                suite,
                id: t["id"].as_str().expect("an id").to_string(),
                positive: kind == "PositiveEvaluationTest",
                input: t["input"].as_str().expect("an input").to_string(),
            });
        }
    }
    out
}

/// Runs one case and says what is wrong with the result, if anything.
/// `opends tokens validate [--strict] CASE --json`: exit code, stdout, stderr.
fn validate(t: &Test, case: &Case, strict: bool) -> (Option<i32>, String, String) {
    let input = fixture(&format!("dtcg/{}/{}", case.suite, case.input));
    let mut args = vec![OsStr::new("tokens"), OsStr::new("validate")];
    if strict {
        args.push(OsStr::new("--strict"));
    }
    args.extend([input.as_os_str(), OsStr::new("--json")]);
    let out = t.command(args).output().expect("run opends");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn check(t: &Test, case: &Case, expected: &HashMap<&str, &str>) -> Option<String> {
    let (code, stdout, stderr) = validate(t, case, true);
    let report: Value = match serde_json::from_str(&stdout) {
        Ok(v) => v,
        Err(e) => {
            return Some(format!(
                "exit {code:?}, stdout is not JSON ({e}); stderr: {stderr}"
            ));
        }
    };
    let errors: Vec<&Value> = report["findings"]
        .as_array()
        .map(|f| f.iter().filter(|f| f["severity"] == "error").collect())
        .unwrap_or_default();
    let messages = || {
        errors
            .iter()
            .map(|f| f["message"].as_str().unwrap_or_default())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    if case.positive {
        if code != Some(0) || !errors.is_empty() || report["valid"] != true {
            return Some(format!(
                "valid file rejected: exit {code:?}: {}",
                messages()
            ));
        }
        return None;
    }
    if code != Some(1) {
        return Some(format!(
            "invalid file: expected exit 1, got {code:?}: {}",
            messages()
        ));
    }
    if errors.is_empty() || report["valid"] != false {
        return Some("invalid file: exit 1 but no error finding".into());
    }
    if let Some(f) = errors
        .iter()
        .find(|f| f["file"].is_null() || f["line"].is_null())
    {
        return Some(format!("a finding has no file or line: {f}"));
    }
    let Some(want) = expected.get(case.id.as_str()) else {
        return Some(format!(
            "no expected message in the table; got: {}",
            messages()
        ));
    };
    let named = errors
        .iter()
        .any(|f| f["message"].as_str().is_some_and(|m| m.contains(want)));
    if !named {
        return Some(format!(
            "no error message names the problem (expected `{want}`); got: {}",
            messages()
        ));
    }
    None
}

fn failures_of(t: &Test, cases: &[Case], expected: &HashMap<&str, &str>) -> Vec<(String, String)> {
    cases
        .iter()
        .filter_map(|c| check(t, c, expected).map(|why| (format!("{}/{}", c.suite, c.id), why)))
        .collect()
}

#[test]
fn dtcg_conformance_suite() {
    let cases = cases();
    assert_eq!(
        cases.iter().filter(|c| c.suite == "format").count(),
        213,
        "format cases"
    );
    assert_eq!(
        cases.iter().filter(|c| c.suite == "resolver").count(),
        30,
        "resolver cases"
    );
    let ids: HashSet<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), cases.len(), "case ids must be unique");

    let expected: HashMap<&str, &str> = EXPECTED.iter().copied().collect();
    assert_eq!(expected.len(), EXPECTED.len(), "duplicate ids in EXPECTED");
    let negatives: HashSet<&str> = cases
        .iter()
        .filter(|c| !c.positive)
        .map(|c| c.id.as_str())
        .collect();
    let stray: Vec<&&str> = expected
        .keys()
        .filter(|k| !negatives.contains(*k))
        .collect();
    assert!(
        stray.is_empty(),
        "EXPECTED names cases that are not negative cases: {stray:?}"
    );

    // Two workers: each case is one short process.
    let (left, right) = cases.split_at(cases.len() / 2);
    let t = Test::new();
    let failures: Vec<(String, String)> = std::thread::scope(|s| {
        let worker = s.spawn(|| failures_of(&t, left, &expected));
        let mut all = failures_of(&t, right, &expected);
        all.splice(0..0, worker.join().expect("worker thread"));
        all
    });

    let total = cases.len();
    let passed = total - failures.len();
    #[allow(clippy::print_stdout)]
    {
        println!(
            "DTCG conformance: {passed}/{total} cases pass ({:.1}%)",
            passed as f64 * 100.0 / total as f64
        );
    }
    if !failures.is_empty() {
        let mut msg = format!("{} of {total} conformance cases fail:\n", failures.len());
        for (id, why) in &failures {
            let _ = writeln!(msg, "  {id}: {why}");
        }
        panic!("{msg}");
    }
}

/// The lenient default never rejects a conforming file: every positive case of the suite
/// is valid without `--strict` too, with no warning. Negative cases may be read (that is
/// the point of the lenient reader); how many is printed.
#[test]
fn lenient_reading_accepts_every_conforming_case_and_says_what_it_read() {
    let cases = cases();
    let t = Test::new();
    let mut read_leniently = 0;
    for case in &cases {
        let (code, stdout, stderr) = validate(&t, case, false);
        let report: Value = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("{}: stdout is not JSON ({e}); stderr: {stderr}", case.id));
        let findings = report["findings"].as_array().cloned().unwrap_or_default();
        if case.positive {
            assert_eq!(
                code,
                Some(0),
                "{}: a conforming case fails without --strict: {stdout}",
                case.id
            );
            let lenient: Vec<&Value> = findings
                .iter()
                .filter(|f| {
                    f["code"]
                        .as_str()
                        .is_some_and(|c| c.starts_with("lenient-"))
                })
                .collect();
            assert!(
                lenient.is_empty(),
                "{}: lenient warnings on a conforming file: {lenient:?}",
                case.id
            );
        } else if code == Some(0) {
            read_leniently += 1;
            assert!(
                findings.iter().any(|f| f["severity"] == "warning"
                    && f["line"].is_number()
                    && f["code"]
                        .as_str()
                        .is_some_and(|c| c.starts_with("lenient-") || c == "legacy-format")),
                "{}: a non-conforming case was read without a located lenient warning: {stdout}",
                case.id
            );
        }
    }
    let negatives = cases.iter().filter(|c| !c.positive).count();
    assert!(
        read_leniently > 0 && read_leniently < negatives,
        "{read_leniently} of {negatives}"
    );
    #[allow(clippy::print_stdout)]
    {
        println!(
            "lenient: {read_leniently} of {negatives} non-conforming cases read with warnings"
        );
    }
}
