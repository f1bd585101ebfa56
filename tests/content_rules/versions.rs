//! Nation versions of a guide page: `<slug>.md` plus `<slug>.<variant>.md`. Versions of
//! one page must not overlap in nations and share one order, and `/guide/<slug>/<nation>`
//! is a link target only when a version covers that nation. Part of the `content` test.

use super::{assert_caught, edit, errors_after, PAGE};
use std::fs;
use std::path::Path;

/// A page for England and Wales with no other versions (order 7).
const BASE: &str = "guide/protective-parent.md";

/// Adds `guide/protective-parent.<variant>.md`, a copy of [`BASE`] with other front matter.
fn add_version(dir: &Path, variant: &str, nations: &str, order: u32) {
    let text = fs::read_to_string(dir.join(BASE)).unwrap();
    assert!(text.contains("nations = [\"england\", \"wales\"]") && text.contains("order = 7\n"));
    let text = text
        .replacen(
            "nations = [\"england\", \"wales\"]",
            &format!("nations = {nations}"),
            1,
        )
        .replacen("order = 7\n", &format!("order = {order}\n"), 1);
    fs::write(
        dir.join(format!("guide/protective-parent.{variant}.md")),
        text,
    )
    .unwrap();
}

#[test]
fn a_nation_version_compiles_and_its_address_is_a_link_target() {
    let errors = errors_after("version", |d| {
        add_version(d, "scotland", "[\"scotland\"]", 7);
        edit(
            d,
            "guide/first-days.md",
            "](/dates)",
            "](/dates), [in Scotland](/guide/protective-parent/scotland), [in Wales](/guide/protective-parent/wales)",
        );
    });
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn versions_that_overlap_in_nations_fail() {
    let errors = errors_after("overlap", |d| {
        add_version(d, "scotland", "[\"scotland\", \"wales\"]", 7)
    });
    assert_caught(
        &errors,
        "content/guide/protective-parent.scotland.md: wales is already covered by content/guide/protective-parent.md",
    );
}

#[test]
fn versions_with_different_orders_fail() {
    let errors = errors_after("versionorder", |d| {
        add_version(d, "scotland", "[\"scotland\"]", 99)
    });
    assert_caught(
        &errors,
        "the versions of \"protective-parent\" must share one order",
    );
    let errors = errors_after("sameorder", |d| {
        edit(d, "guide/court.md", "order = 3\n", "order = 2\n")
    });
    assert_caught(&errors, "have the same order 2");
}

#[test]
fn a_link_to_a_nation_with_no_version_fails() {
    let errors = errors_after("nationlink", |d| {
        edit(d, PAGE, "](/dates)", "](/guide/protective-parent/scotland)")
    });
    assert_caught(
        &errors,
        "broken link \"/guide/protective-parent/scotland\": no version of guide page \"protective-parent\" is for Scotland",
    );
    let errors = errors_after("nationname", |d| {
        edit(d, PAGE, "](/dates)", "](/guide/police/ulster)")
    });
    assert_caught(
        &errors,
        "broken link \"/guide/police/ulster\": no such page",
    );
}

#[test]
fn a_badly_named_guide_file_fails() {
    let errors = errors_after("versionname", |d| {
        add_version(d, "Scot_land", "[\"scotland\"]", 7)
    });
    assert_caught(
        &errors,
        "name a guide file <page>.md or <page>.<version>.md",
    );
}
