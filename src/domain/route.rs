//! Every page Harbour has, and how an address maps to one. Shared with the content build,
//! which checks that every in-app link in the guide goes somewhere real.

use super::nation::Nation;

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Guide,
    /// A guide page in the version for where she lives.
    GuidePage(String),
    /// A guide page in the version for a given nation: `/guide/police/scotland`.
    GuideVersion(String, Nation),
    Glossary,
    Search,
    Questions,
    SafetyPlan(Vec<String>),
    Children(Vec<String>),
    Services,
    Contacts,
    Share,
    AddService,
    Notebook,
    Dates,
    /// Letters she can send: the list.
    Letters,
    /// One letter, by its kind id: `/letters/records-council`.
    Letter(String),
    /// "Prepare for a meeting": one card per kind of meeting.
    Meetings,
    /// Her statement for a meeting.
    Statement,
    Safety,
    Settings,
    /// Both journeys at a glance: the police case and children's social care.
    Journey,
    NotFound,
}

/// The route for a path inside the app (without the base path), such as "/guide/police".
/// Query and fragment are ignored; a trailing slash is allowed.
pub fn parse(path: &str) -> Route {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let rest = |from: usize| parts[from..].iter().map(|s| (*s).to_owned()).collect();
    match parts.as_slice() {
        [] => Route::Home,
        ["guide"] => Route::Guide,
        ["guide", page] => Route::GuidePage((*page).to_owned()),
        ["guide", page, nation] => match Nation::from_id(nation) {
            Some(nation) => Route::GuideVersion((*page).to_owned(), nation),
            None => Route::NotFound,
        },
        ["glossary"] => Route::Glossary,
        ["search"] => Route::Search,
        ["questions"] => Route::Questions,
        ["safety-plan", ..] => Route::SafetyPlan(rest(1)),
        ["children", ..] => Route::Children(rest(1)),
        ["services"] => Route::Services,
        ["contacts"] => Route::Contacts,
        ["share"] => Route::Share,
        ["add-service"] => Route::AddService,
        ["notebook"] => Route::Notebook,
        ["dates"] => Route::Dates,
        ["letters"] => Route::Letters,
        ["letters", kind] => Route::Letter((*kind).to_owned()),
        ["meetings"] => Route::Meetings,
        ["meetings", "statement"] => Route::Statement,
        ["safety"] => Route::Safety,
        ["settings"] => Route::Settings,
        ["journey"] => Route::Journey,
        _ => Route::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_page() {
        assert_eq!(parse("/"), Route::Home);
        assert_eq!(parse(""), Route::Home);
        assert_eq!(parse("/guide"), Route::Guide);
        assert_eq!(parse("/guide/"), Route::Guide);
        assert_eq!(parse("/guide/police"), Route::GuidePage("police".into()));
        assert_eq!(
            parse("/guide/police#bail"),
            Route::GuidePage("police".into())
        );
        assert_eq!(parse("/settings?x=1"), Route::Settings);
        assert_eq!(parse("/journey"), Route::Journey);
        assert_eq!(parse("/meetings"), Route::Meetings);
        assert_eq!(parse("/meetings/statement"), Route::Statement);
        assert_eq!(
            parse("/guide/police/northern-ireland#bail"),
            Route::GuideVersion("police".into(), Nation::NorthernIreland)
        );
        assert_eq!(
            parse("/safety-plan/contact"),
            Route::SafetyPlan(vec!["contact".into()])
        );
        assert_eq!(parse("/safety-plan"), Route::SafetyPlan(vec![]));
        assert_eq!(parse("/letters"), Route::Letters);
        assert_eq!(
            parse("/letters/complaint"),
            Route::Letter("complaint".into())
        );
        assert_eq!(
            parse("/children/abc/say"),
            Route::Children(vec!["abc".into(), "say".into()])
        );
    }

    #[test]
    fn unknown_addresses_are_not_found() {
        for path in [
            "/nope",
            "/guide/a/b",
            "/guide/police/ulster",
            "/guide/a/england/x",
            "/settings/x",
            "/%00",
            "//",
        ] {
            let expected = if path == "//" {
                Route::Home
            } else {
                Route::NotFound
            };
            assert_eq!(parse(path), expected, "{path}");
        }
    }
}
