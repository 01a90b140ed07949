//! Reference cycles, reported once each with every token in them.

use crate::hash::{HashMap, HashSet};

use crate::model::TokenPath;
use crate::tokens::dtcg::ParsedToken;
use crate::tokens::finding::{Finding, Findings, Location};

/// Reports every reference cycle once, naming every token in it.
pub(super) fn find_cycles(
    parsed: &[&ParsedToken],
    index: &HashMap<TokenPath, usize>,
    findings: &mut Findings,
) {
    // Iterative DFS with colours: 0 new, 1 on stack, 2 done.
    let n = parsed.len();
    let edges: Vec<Vec<usize>> = parsed
        .iter()
        .map(|p| {
            p.references
                .iter()
                .filter_map(|(r, _)| index.get(&TokenPath::new(r.target.as_str())).copied())
                .collect()
        })
        .collect();
    let mut colour = vec![0u8; n];
    let mut reported: HashSet<Vec<usize>> = HashSet::default();
    for start in 0..n {
        if colour[start] != 0 || edges[start].is_empty() {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        colour[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if *next < edges[node].len() {
                let to = edges[node][*next];
                *next += 1;
                match colour[to] {
                    0 => {
                        colour[to] = 1;
                        stack.push((to, 0));
                    }
                    1 => {
                        let pos = stack.iter().position(|&(s, _)| s == to).unwrap_or(0);
                        let cycle: Vec<usize> = stack[pos..].iter().map(|&(s, _)| s).collect();
                        let mut key = cycle.clone();
                        key.sort_unstable();
                        if cycle.len() > 1 && reported.insert(key) {
                            let mut names: Vec<&str> =
                                cycle.iter().map(|&i| parsed[i].path.as_str()).collect();
                            names.push(parsed[to].path.as_str());
                            let first = parsed[cycle[0]];
                            let loc: &Location = &first.loc;
                            findings.push(Finding::error(
                                "reference-cycle",
                                loc,
                                Some(first.path.as_str()),
                                format!("reference cycle: {}", names.join(" -> ")),
                            ));
                        }
                    }
                    _ => {}
                }
            } else {
                colour[node] = 2;
                stack.pop();
            }
        }
    }
}
