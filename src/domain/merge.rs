//! Three-way merge of her data when another tab saves while this one has unsaved changes.
//!
//! Changes made in only one tab are combined. Where both tabs changed the same thing
//! differently, this tab's version wins and the conflict is reported, so the caller can keep
//! the other tab's version as a recovery copy: nothing is dropped silently.

use serde::{de::DeserializeOwned, Serialize};
use serde_json::{Map, Value};

/// The merged value and the paths where both sides changed the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged<T> {
    pub value: T,
    pub conflicts: Vec<String>,
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge<T>(base: &T, ours: &T, theirs: &T) -> Merged<T>
where
    T: Serialize + DeserializeOwned + Clone,
{
    let (Ok(b), Ok(o), Ok(t)) = (
        serde_json::to_value(base),
        serde_json::to_value(ours),
        serde_json::to_value(theirs),
    ) else {
        return whole_conflict(ours);
    };
    let mut conflicts = Vec::new();
    let merged = merge_values(Some(&b), Some(&o), Some(&t), "", &mut conflicts);
    match merged.map(serde_json::from_value::<T>) {
        Some(Ok(value)) => Merged { value, conflicts },
        // A merge that breaks the shape (it cannot, for plain data) falls back to ours.
        _ => whole_conflict(ours),
    }
}

fn whole_conflict<T: Clone>(ours: &T) -> Merged<T> {
    Merged {
        value: ours.clone(),
        conflicts: vec![String::new()],
    }
}

/// Merges one position. `None` means the key is absent on that side.
pub fn merge_values(
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    path: &str,
    conflicts: &mut Vec<String>,
) -> Option<Value> {
    if ours == theirs {
        return ours.cloned();
    }
    if base == ours {
        return theirs.cloned();
    }
    if base == theirs {
        return ours.cloned();
    }
    match (ours, theirs) {
        (Some(Value::Object(o)), Some(Value::Object(t))) => {
            let b = match base {
                Some(Value::Object(b)) => Some(b),
                _ => None,
            };
            Some(Value::Object(merge_objects(b, o, t, path, conflicts)))
        }
        (Some(Value::Array(o)), Some(Value::Array(t))) if keyed(o) && keyed(t) => {
            let b = match base {
                Some(Value::Array(b)) if keyed(b) => b.as_slice(),
                _ => &[],
            };
            Some(Value::Array(merge_keyed(b, o, t, path, conflicts)))
        }
        _ => {
            conflicts.push(path.to_owned());
            ours.cloned()
        }
    }
}

fn merge_objects(
    base: Option<&Map<String, Value>>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    path: &str,
    conflicts: &mut Vec<String>,
) -> Map<String, Value> {
    let mut out = Map::new();
    let keys = ours
        .keys()
        .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
    for key in keys {
        let child = format!("{path}/{key}");
        let merged = merge_values(
            base.and_then(|b| b.get(key)),
            ours.get(key),
            theirs.get(key),
            &child,
            conflicts,
        );
        if let Some(value) = merged {
            out.insert(key.clone(), value);
        }
    }
    out
}

/// True when every element is an object with a text `id`: such lists merge item by item.
fn keyed(items: &[Value]) -> bool {
    items.iter().all(|v| id_of(v).is_some())
}

fn id_of(v: &Value) -> Option<&str> {
    v.get("id").and_then(Value::as_str)
}

fn find<'a>(items: &'a [Value], id: &str) -> Option<&'a Value> {
    items.iter().find(|v| id_of(v) == Some(id))
}

fn merge_keyed(
    base: &[Value],
    ours: &[Value],
    theirs: &[Value],
    path: &str,
    conflicts: &mut Vec<String>,
) -> Vec<Value> {
    let ids = ours
        .iter()
        .chain(
            theirs
                .iter()
                .filter(|t| find(ours, id_of(t).unwrap_or("")).is_none()),
        )
        .filter_map(id_of);
    let mut out = Vec::new();
    for id in ids {
        let child = format!("{path}/{id}");
        if let Some(v) = merge_values(
            find(base, id),
            find(ours, id),
            find(theirs, id),
            &child,
            conflicts,
        ) {
            out.push(v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(b: Value, o: Value, t: Value) -> (Option<Value>, Vec<String>) {
        let mut c = Vec::new();
        let v = merge_values(Some(&b), Some(&o), Some(&t), "", &mut c);
        (v, c)
    }

    #[test]
    fn takes_the_only_change() {
        let (v, c) = run(
            json!({"a":"1","b":"1"}),
            json!({"a":"2","b":"1"}),
            json!({"a":"1","b":"1"}),
        );
        assert_eq!(v, Some(json!({"a":"2","b":"1"})));
        assert!(c.is_empty());
    }

    #[test]
    fn combines_changes_to_different_fields() {
        let (v, c) = run(
            json!({"a":"","b":""}),
            json!({"a":"mine","b":""}),
            json!({"a":"","b":"theirs"}),
        );
        assert_eq!(v, Some(json!({"a":"mine","b":"theirs"})));
        assert!(c.is_empty());
    }

    #[test]
    fn same_field_changed_both_ways_keeps_ours_and_reports() {
        let (v, c) = run(json!({"a":"x"}), json!({"a":"mine"}), json!({"a":"theirs"}));
        assert_eq!(v, Some(json!({"a":"mine"})));
        assert_eq!(c, vec!["/a".to_owned()]);
    }

    #[test]
    fn lists_with_ids_merge_item_by_item() {
        let base = json!({"items":[{"id":"1","t":"a"}]});
        let ours = json!({"items":[{"id":"1","t":"a"},{"id":"2","t":"mine"}]});
        let theirs = json!({"items":[{"id":"1","t":"edited"},{"id":"3","t":"theirs"}]});
        let (v, c) = run(base, ours, theirs);
        assert_eq!(
            v,
            Some(
                json!({"items":[{"id":"1","t":"edited"},{"id":"2","t":"mine"},{"id":"3","t":"theirs"}]})
            )
        );
        assert!(c.is_empty());
    }

    #[test]
    fn deleting_in_one_tab_an_item_untouched_in_the_other_removes_it() {
        let base = json!([{"id":"1"},{"id":"2"}]);
        let ours = json!([{"id":"1"},{"id":"2"}]);
        let theirs = json!([{"id":"2"}]);
        let (v, c) = run(base, ours.clone(), theirs.clone());
        // ours == base, so theirs wins outright.
        assert_eq!(v, Some(theirs));
        assert!(c.is_empty());
        let base = json!([{"id":"1","t":""},{"id":"2","t":""}]);
        let ours = json!([{"id":"1","t":""},{"id":"2","t":"typed"}]);
        let theirs = json!([{"id":"2","t":""}]);
        let (v, c) = run(base, ours, theirs);
        assert_eq!(v, Some(json!([{"id":"2","t":"typed"}])));
        assert!(c.is_empty());
    }

    #[test]
    fn typed_merge_reports_conflicts() {
        use crate::domain::data::AppData;
        let base = AppData {
            notes: "a".into(),
            ..AppData::default()
        };
        let ours = AppData {
            notes: "b".into(),
            ..AppData::default()
        };
        let theirs = AppData {
            notes: "c".into(),
            ..AppData::default()
        };
        let m = merge(&base, &ours, &theirs);
        assert_eq!(m.value, ours);
        assert_eq!(m.conflicts, vec!["/notes".to_owned()]);
    }
}
