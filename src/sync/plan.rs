//! The three-way merges of sync as pure functions: what a push sends (the working state
//! against the base), and what a pull does with what the server changed since the base
//! (take it, keep what is here, or stop at a conflict). Nothing here talks to a server,
//! reads a store or prints.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use super::protocol::{Changes, Delta, EntryKind};
use crate::store::{RemoteBase, Snapshot};

/// A state in stored form: the layout and each entry's JSON text by key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The layout (modes, groups, order).
    pub layout: String,
    /// Token entries by path.
    pub tokens: HashMap<String, String>,
    /// Component entries by name.
    pub components: HashMap<String, String>,
}

impl State {
    /// A snapshot's stored form.
    pub fn of(s: &Snapshot) -> Self {
        let (layout, tokens, components) = s.to_parts();
        Self {
            layout,
            tokens: tokens.into_iter().collect(),
            components: components.into_iter().collect(),
        }
    }

    fn entries(&self, kind: EntryKind) -> &HashMap<String, String> {
        match kind {
            EntryKind::Token => &self.tokens,
            EntryKind::Component => &self.components,
        }
    }

    fn entries_mut(&mut self, kind: EntryKind) -> &mut HashMap<String, String> {
        match kind {
            EntryKind::Token => &mut self.tokens,
            EntryKind::Component => &mut self.components,
        }
    }
}

fn base_entries(base: &RemoteBase, kind: EntryKind) -> &HashMap<String, String> {
    match kind {
        EntryKind::Token => &base.tokens,
        EntryKind::Component => &base.components,
    }
}

fn base_entries_mut(base: &mut RemoteBase, kind: EntryKind) -> &mut HashMap<String, String> {
    match kind {
        EntryKind::Token => &mut base.tokens,
        EntryKind::Component => &mut base.components,
    }
}

/// The layout the remote had at the last sync (an empty one before the first).
pub fn base_layout(base: &RemoteBase) -> String {
    base.layout
        .clone()
        .unwrap_or_else(|| Snapshot::default().to_parts().0)
}

/// An entry's JSON text as a value (`null` when it is not JSON).
pub fn entry_value(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// Keys whose entry differs between `base` and `now` (`None`: deleted now), in key order.
fn changed(
    base: &HashMap<String, String>,
    now: &HashMap<String, String>,
) -> Vec<(String, Option<String>)> {
    let keys: BTreeSet<&String> = base.keys().chain(now.keys()).collect();
    keys.into_iter()
        .filter(|k| base.get(*k) != now.get(*k))
        .map(|k| (k.clone(), now.get(k).cloned()))
        .collect()
}

/// What a push sends: the local changes against the base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// Token paths changed here, with their entry (`None`: deleted here).
    pub tokens: Vec<(String, Option<String>)>,
    /// Component names changed here.
    pub components: Vec<(String, Option<String>)>,
    /// The layout, when it changed here.
    pub layout: Option<String>,
}

impl Outgoing {
    /// The local changes of `working` against `base`.
    pub fn between(base: &RemoteBase, working: &State) -> Self {
        Self {
            tokens: changed(&base.tokens, &working.tokens),
            components: changed(&base.components, &working.components),
            layout: (base_layout(base) != working.layout).then(|| working.layout.clone()),
        }
    }

    /// Whether there is nothing to push.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty() && self.components.is_empty() && self.layout.is_none()
    }

    /// `2 token changes, 1 component change, layout`.
    pub fn summary(&self) -> String {
        let n = |k: usize| if k == 1 { "" } else { "s" };
        format!(
            "{} token change{}, {} component change{}{}",
            self.tokens.len(),
            n(self.tokens.len()),
            self.components.len(),
            n(self.components.len()),
            if self.layout.is_some() {
                ", layout"
            } else {
                ""
            }
        )
    }

    /// The push request made from `base_revision`.
    pub fn request(&self, base_revision: i64) -> Changes {
        let entries = |items: &[(String, Option<String>)]| {
            items
                .iter()
                .map(|(k, e)| (k.clone(), e.as_deref().map(entry_value)))
                .collect()
        };
        Changes {
            base_revision: Some(base_revision),
            tokens: entries(&self.tokens),
            components: entries(&self.components),
            layout: self.layout.as_deref().map(entry_value),
        }
    }
}

/// How a pull settles keys changed on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Resolution {
    /// Not at all: a conflict stops the pull (nothing is written).
    #[default]
    Stop,
    /// Take the server's values (`--theirs`).
    Theirs,
    /// Keep the local ones (`--ours`).
    Ours,
}

/// What a pull does with one key the server changed since the base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operation {
    /// Unchanged here: take the server's entry (`None`: delete it here).
    FastForward {
        /// Token or component.
        kind: EntryKind,
        /// Its path or name.
        key: String,
        /// The server's entry.
        theirs: Option<String>,
    },
    /// Both sides already agree: nothing to do.
    Same {
        /// Token or component.
        kind: EntryKind,
        /// Its path or name.
        key: String,
    },
    /// Changed on both sides, with different results.
    Conflict {
        /// Token or component.
        kind: EntryKind,
        /// Its path or name.
        key: String,
        /// The entry here (`None`: deleted here).
        ours: Option<String>,
        /// The server's entry (`None`: deleted there).
        theirs: Option<String>,
    },
}

/// One key changed on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collision {
    /// Token or component.
    pub kind: EntryKind,
    /// Its path or name.
    pub key: String,
    /// The entry here (`None`: deleted here).
    pub ours: Option<String>,
    /// The server's entry (`None`: deleted there).
    pub theirs: Option<String>,
}

/// The operations a pull implies, one per key the server changed, in the order the
/// server sent them (tokens, then components). Keys only changed here are not touched.
pub fn operations(base: &RemoteBase, local: &State, remote: &Delta) -> Vec<Operation> {
    let mut ops = Vec::new();
    for (kind, items) in [
        (EntryKind::Token, &remote.tokens),
        (EntryKind::Component, &remote.components),
    ] {
        let (base_map, local_map) = (base_entries(base, kind), local.entries(kind));
        for (key, entry) in items {
            let theirs = entry.as_ref().map(Value::to_string);
            let ours = local_map.get(key).cloned();
            let ours_changed = base_map.get(key) != local_map.get(key);
            let key = key.clone();
            ops.push(if ours_changed && ours != theirs {
                Operation::Conflict {
                    kind,
                    key,
                    ours,
                    theirs,
                }
            } else if ours == theirs {
                Operation::Same { kind, key }
            } else {
                Operation::FastForward { kind, key, theirs }
            });
        }
    }
    ops
}

/// What a pull writes: the merged working state and the new base, with what was taken
/// and what collided.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The working state after the pull (to be checked before it is written).
    pub working: State,
    /// The base after the pull: the server's state at its revision.
    pub base: RemoteBase,
    /// Entries taken from the server.
    pub taken: usize,
    /// Keys changed on both sides.
    pub conflicts: Vec<Collision>,
    /// How the conflicts were settled.
    pub resolution: Resolution,
}

impl Plan {
    /// Whether the pull must stop (conflicts and no resolution): nothing is written.
    pub fn blocked(&self) -> bool {
        !self.conflicts.is_empty() && self.resolution == Resolution::Stop
    }
}

/// The pull merge: from the base (the server's state at the last sync), the local
/// working state and what the server changed since, the state to write. A key changed
/// only on the server is taken; a key changed only here is kept; a key changed on both
/// sides to different results is a conflict, settled by `resolution`. The layout is
/// taken unless it changed here (then `--theirs` takes it).
pub fn plan(base: &RemoteBase, local: &State, remote: &Delta, resolution: Resolution) -> Plan {
    let mut working = local.clone();
    let mut new_base = base.clone();
    let mut taken = 0;
    let mut conflicts = Vec::new();
    for op in operations(base, local, remote) {
        let (kind, key, theirs, take) = match op {
            Operation::Same { kind, key } => {
                let theirs = local.entries(kind).get(&key).cloned();
                (kind, key, theirs, false)
            }
            Operation::FastForward { kind, key, theirs } => (kind, key, theirs, true),
            Operation::Conflict {
                kind,
                key,
                ours,
                theirs,
            } => {
                conflicts.push(Collision {
                    kind,
                    key: key.clone(),
                    ours,
                    theirs: theirs.clone(),
                });
                (kind, key, theirs, resolution == Resolution::Theirs)
            }
        };
        let b = base_entries_mut(&mut new_base, kind);
        match &theirs {
            Some(e) => b.insert(key.clone(), e.clone()),
            None => b.remove(&key),
        };
        if take {
            taken += 1;
            let w = working.entries_mut(kind);
            match theirs {
                Some(e) => w.insert(key, e),
                None => w.remove(&key),
            };
        }
    }
    if let Some(layout) = &remote.layout {
        let theirs = layout.to_string();
        let ours_changed = base_layout(base) != local.layout;
        if !ours_changed || resolution == Resolution::Theirs {
            working.layout.clone_from(&theirs);
        }
        new_base.layout = Some(theirs);
    }
    Plan {
        working,
        base: new_base,
        taken,
        conflicts,
        resolution,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(v: i64) -> Value {
        json!({"type": "number", "value": v, "set": "s"})
    }

    fn text(v: i64) -> String {
        entry(v).to_string()
    }

    fn tokens(items: &[(&str, i64)]) -> HashMap<String, String> {
        items
            .iter()
            .map(|(k, v)| ((*k).to_string(), text(*v)))
            .collect()
    }

    fn base(items: &[(&str, i64)]) -> RemoteBase {
        RemoteBase {
            layout: None,
            tokens: tokens(items),
            components: HashMap::new(),
        }
    }

    fn local(items: &[(&str, i64)]) -> State {
        State {
            layout: Snapshot::default().to_parts().0,
            tokens: tokens(items),
            components: HashMap::new(),
        }
    }

    fn delta(items: &[(&str, Option<i64>)]) -> Delta {
        Delta {
            revision: 2,
            tokens: items
                .iter()
                .map(|(k, v)| ((*k).to_string(), v.map(entry)))
                .collect(),
            ..Delta::default()
        }
    }

    #[test]
    fn a_key_changed_only_on_the_server_fast_forwards() {
        let p = plan(
            &base(&[("a", 1)]),
            &local(&[("a", 1)]),
            &delta(&[("a", Some(2)), ("b", Some(3))]),
            Resolution::Stop,
        );
        assert!(!p.blocked());
        assert_eq!(p.taken, 2);
        assert_eq!(p.working.tokens, tokens(&[("a", 2), ("b", 3)]));
        assert_eq!(p.base.tokens, tokens(&[("a", 2), ("b", 3)]));
    }

    #[test]
    fn local_only_changes_are_kept_and_stay_outgoing() {
        let b = base(&[("a", 1), ("b", 1)]);
        let here = local(&[("a", 5), ("b", 1), ("c", 7)]);
        let p = plan(&b, &here, &delta(&[("b", Some(2))]), Resolution::Stop);
        assert!(p.conflicts.is_empty());
        assert_eq!(p.working.tokens, tokens(&[("a", 5), ("b", 2), ("c", 7)]));
        // What is still to push: the local changes only.
        let out = Outgoing::between(&p.base, &p.working);
        assert_eq!(
            out.tokens,
            [
                ("a".to_string(), Some(text(5))),
                ("c".to_string(), Some(text(7)))
            ]
        );
        assert_eq!(out.summary(), "2 token changes, 0 component changes");
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let ops = operations(
            &base(&[("a", 1)]),
            &local(&[("a", 2)]),
            &delta(&[("a", Some(2))]),
        );
        assert_eq!(
            ops,
            [Operation::Same {
                kind: EntryKind::Token,
                key: "a".into()
            }]
        );
        let p = plan(
            &base(&[("a", 1)]),
            &local(&[("a", 2)]),
            &delta(&[("a", Some(2))]),
            Resolution::Stop,
        );
        assert_eq!((p.taken, p.conflicts.len()), (0, 0));
        assert_eq!(p.base.tokens, tokens(&[("a", 2)]));
    }

    #[test]
    fn a_key_changed_on_both_sides_is_a_conflict_that_stops_the_pull() {
        let p = plan(
            &base(&[("a", 1)]),
            &local(&[("a", 2)]),
            &delta(&[("a", Some(3))]),
            Resolution::Stop,
        );
        assert!(p.blocked());
        assert_eq!(
            p.conflicts,
            [Collision {
                kind: EntryKind::Token,
                key: "a".into(),
                ours: Some(text(2)),
                theirs: Some(text(3)),
            }]
        );
        assert_eq!(p.working.tokens, tokens(&[("a", 2)]));
    }

    #[test]
    fn theirs_takes_the_server_value_and_ours_keeps_the_local_one() {
        let (b, here, d) = (
            base(&[("a", 1)]),
            local(&[("a", 2)]),
            delta(&[("a", Some(3))]),
        );
        let theirs = plan(&b, &here, &d, Resolution::Theirs);
        assert!(!theirs.blocked());
        assert_eq!((theirs.taken, theirs.conflicts.len()), (1, 1));
        assert_eq!(theirs.working.tokens, tokens(&[("a", 3)]));
        let ours = plan(&b, &here, &d, Resolution::Ours);
        assert!(!ours.blocked());
        assert_eq!((ours.taken, ours.conflicts.len()), (0, 1));
        assert_eq!(ours.working.tokens, tokens(&[("a", 2)]));
        // Either way the base is the server's: `--ours` leaves a change to push.
        assert_eq!(ours.base.tokens, tokens(&[("a", 3)]));
        assert_eq!(Outgoing::between(&ours.base, &ours.working).tokens.len(), 1);
    }

    #[test]
    fn a_delete_on_the_server_is_taken_when_unchanged_here() {
        let p = plan(
            &base(&[("a", 1), ("b", 1)]),
            &local(&[("a", 1), ("b", 1)]),
            &delta(&[("a", None)]),
            Resolution::Stop,
        );
        assert_eq!(p.taken, 1);
        assert_eq!(p.working.tokens, tokens(&[("b", 1)]));
        assert_eq!(p.base.tokens, tokens(&[("b", 1)]));
    }

    #[test]
    fn a_delete_on_one_side_and_a_change_on_the_other_conflict() {
        // Deleted here, changed there.
        let p = plan(
            &base(&[("a", 1)]),
            &local(&[]),
            &delta(&[("a", Some(2))]),
            Resolution::Stop,
        );
        assert!(p.blocked());
        assert_eq!(p.conflicts[0].ours, None);
        // Changed here, deleted there; `--theirs` deletes it here.
        let p = plan(
            &base(&[("a", 1)]),
            &local(&[("a", 2)]),
            &delta(&[("a", None)]),
            Resolution::Theirs,
        );
        assert_eq!(p.conflicts[0].theirs, None);
        assert!(p.working.tokens.is_empty());
        // Deleted on both sides: nothing to do.
        let p = plan(
            &base(&[("a", 1)]),
            &local(&[]),
            &delta(&[("a", None)]),
            Resolution::Stop,
        );
        assert_eq!((p.taken, p.conflicts.len()), (0, 0));
        assert!(p.base.tokens.is_empty());
    }

    #[test]
    fn the_layout_is_taken_unless_it_changed_here() {
        let theirs = json!({"modes": ["dark"], "groups": [], "tokens": [], "components": []});
        let d = Delta {
            layout: Some(theirs.clone()),
            ..delta(&[])
        };
        let p = plan(&base(&[]), &local(&[]), &d, Resolution::Stop);
        assert_eq!(p.working.layout, theirs.to_string());
        let mut here = local(&[]);
        here.layout =
            json!({"modes": ["light"], "groups": [], "tokens": [], "components": []}).to_string();
        let p = plan(&base(&[]), &here, &d, Resolution::Stop);
        assert_eq!(p.working.layout, here.layout);
        assert_eq!(p.base.layout, Some(theirs.to_string()));
        let p = plan(&base(&[]), &here, &d, Resolution::Theirs);
        assert_eq!(p.working.layout, theirs.to_string());
    }

    #[test]
    fn the_plan_works_on_a_real_store_state() {
        let store = crate::store::Store::open_in_memory().expect("store");
        let here = State::of(&store.working().expect("working"));
        let p = plan(
            &RemoteBase::default(),
            &here,
            &delta(&[("a", Some(1))]),
            Resolution::Stop,
        );
        assert_eq!(p.taken, 1);
        assert!(Outgoing::between(&p.base, &p.working).is_empty());
    }

    #[test]
    fn a_push_request_carries_entries_as_json() {
        let out = Outgoing::between(&base(&[("a", 1)]), &local(&[("b", 2)]));
        let req = out.request(4);
        assert_eq!(req.base_revision, Some(4));
        assert_eq!(
            req.tokens,
            [("a".to_string(), None), ("b".to_string(), Some(entry(2)))]
        );
        assert!(req.layout.is_none());
    }
}
