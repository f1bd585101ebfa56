//! What the safety plan and a child's plan share: saved versions, and where the plan stands
//! against the last one (for the line that names a printed copy).

/// A saved copy of a plan.
pub trait SavedVersion {
    type Body: PartialEq;
    /// How it was saved, as the line says it: "agreed", "sent" or "shared".
    fn how(&self) -> &'static str;
    /// YYYY-MM-DD.
    fn date(&self) -> &str;
    fn body(&self) -> &Self::Body;
}

/// Where a plan stands against its saved versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing<'a> {
    /// How many versions are saved.
    pub count: usize,
    /// How the last one was saved, and its date.
    pub last: Option<(&'static str, &'a str)>,
    /// True while the plan still equals the last version.
    pub unchanged: bool,
}

/// Where the plan `body` stands against its `versions` (oldest first).
pub fn standing<'a, V: SavedVersion>(versions: &'a [V], body: &V::Body) -> Standing<'a> {
    let last = versions.last();
    Standing {
        count: versions.len(),
        last: last.map(|v| (v.how(), v.date())),
        unchanged: last.is_some_and(|v| v.body() == body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::child_plan::{ChildPlanBody, ChildPlanVersion, ChildVersionKind};
    use crate::domain::plan::{PlanBody, PlanVersion, PlanVersionKind};

    #[test]
    fn the_last_version_and_whether_the_plan_still_equals_it() {
        let body = PlanBody {
            person: "Mark".into(),
            ..PlanBody::default()
        };
        let sent = PlanVersion {
            id: "v1".into(),
            kind: PlanVersionKind::Sent,
            date: "2026-11-23".into(),
            note: String::new(),
            body: body.clone(),
        };
        assert_eq!(
            standing::<PlanVersion>(&[], &body),
            Standing {
                count: 0,
                last: None,
                unchanged: false
            }
        );
        let versions = [sent];
        assert_eq!(
            standing(&versions, &body),
            Standing {
                count: 1,
                last: Some(("sent", "2026-11-23")),
                unchanged: true
            }
        );
        let changed = PlanBody::default();
        assert!(!standing(&versions, &changed).unchanged);

        let child = ChildPlanVersion {
            id: "c1".into(),
            kind: ChildVersionKind::Shared,
            date: "2026-11-24".into(),
            note: String::new(),
            body: ChildPlanBody::default(),
        };
        let child_versions = [child];
        assert_eq!(
            standing(&child_versions, &ChildPlanBody::default()).last,
            Some(("shared", "2026-11-24"))
        );
    }
}
