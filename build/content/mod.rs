//! Compiles `content/` into Rust source for `src/content`: guide pages to HTML, TOML to
//! static data, with every rule checked. Used by `build.rs` (which fails the build on any
//! error) and by `tests/content.rs` (which tests the rules themselves).

pub mod data;
pub mod emit;
pub mod files;
pub mod guide;
pub mod hosts;
pub mod journey;
pub mod markdown;
#[path = "../../src/domain/nation.rs"]
#[allow(dead_code)] // the app's stored answer is not needed by the build
pub mod nation;
pub mod outdated;
#[path = "../../src/domain/phone.rs"]
#[allow(dead_code)] // the app's tel:/sms: helpers are not needed by the build
pub mod phone;
#[path = "../../src/domain/route.rs"]
pub mod route;
pub mod sources;

use data::*;
use files::{parse, read, toml_files_in};
use markdown::{render, Context, GlossaryTerm, Options_, Targets, Word};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Plain words in capitals that are not acronyms to explain.
pub const NOT_ACRONYMS: &[&str] = &["OK", "SHOUT", "TV"];

/// The compiled content.
pub struct Compiled {
    /// Rust source defining the statics `src/content/mod.rs` includes.
    pub rust: String,
    /// Every file read (for `cargo:rerun-if-changed`).
    pub files: Vec<PathBuf>,
    /// Guide pages' Markdown bodies by slug, for the reading-age test.
    #[allow(dead_code)] // read by tests/content.rs, not by build.rs
    pub guide_bodies: Vec<(String, String)>,
}

/// Compiles the content folder `dir`. On failure, every problem found is returned.
pub fn compile(dir: &Path) -> Result<Compiled, Vec<String>> {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    let mut text_of =
        |name: &str, errors: &mut Vec<String>| read(&dir.join(name), &mut files, errors);

    let sources_text = text_of("sources.toml", &mut errors);
    let glossary_text = text_of("glossary.toml", &mut errors);
    let questions_text = text_of("questions.toml", &mut errors);
    let services_text = text_of("services.toml", &mut errors);
    let plan_text = text_of("safety-plan.toml", &mut errors);
    let children_text = text_of("children.toml", &mut errors);
    let journey_text = text_of("journey.toml", &mut errors);
    for (name, text) in [
        ("glossary.toml", &glossary_text),
        ("questions.toml", &questions_text),
        ("services.toml", &services_text),
        ("safety-plan.toml", &plan_text),
        ("children.toml", &children_text),
        ("journey.toml", &journey_text),
    ] {
        for problem in text.as_deref().map(outdated::in_toml).unwrap_or_default() {
            errors.push(format!("content/{name}: {problem}"));
        }
    }

    let sources = files::read_sources(dir, sources_text, &mut files, &mut errors);
    sources::check_sources(&sources, &mut errors);
    let mut allowed = files::read_allow_list(dir, &mut files, &mut errors);
    files::check_source_links(&sources, &mut allowed, &mut errors);
    let source_keys: BTreeSet<String> = sources.keys().cloned().collect();

    let mut glossary: Option<GlossaryFile> = parse("glossary.toml", glossary_text, &mut errors);
    // More terms may sit in content/glossary/*.toml, as with sources.
    for (name, path) in toml_files_in(&dir.join("glossary"), &mut errors) {
        let text = read(&path, &mut files, &mut errors);
        for problem in text.as_deref().map(outdated::in_toml).unwrap_or_default() {
            errors.push(format!("content/glossary/{name}: {problem}"));
        }
        let more: Option<GlossaryFile> = parse(&format!("glossary/{name}"), text, &mut errors);
        if let (Some(glossary), Some(more)) = (glossary.as_mut(), more) {
            glossary.term.extend(more.term);
        }
    }
    if let Some(glossary) = glossary.as_mut() {
        glossary.term.sort_by_key(|t| t.term.to_lowercase());
    }
    let questions: Option<QuestionsFile> = parse("questions.toml", questions_text, &mut errors);
    let services: Option<ServicesFile> = parse("services.toml", services_text, &mut errors);
    let plan: Option<SafetyPlanFile> = parse("safety-plan.toml", plan_text, &mut errors);
    let children: Option<ChildrenFile> = parse("children.toml", children_text, &mut errors);
    let journey: Option<journey::JourneyFile> = parse("journey.toml", journey_text, &mut errors);

    // Guide pages, by file name: `<slug>.md` and its nation versions `<slug>.<variant>.md`.
    let guide_dir = dir.join("guide");
    let mut guide_files: Vec<(String, PathBuf)> = fs::read_dir(&guide_dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .filter_map(|p| Some((p.file_stem()?.to_str()?.to_owned(), p)))
                .collect()
        })
        .unwrap_or_else(|e| {
            errors.push(format!("content/guide: {e}"));
            Vec::new()
        });
    guide_files.sort();
    let guide_texts: Vec<(String, String)> = guide_files
        .iter()
        .filter_map(|(stem, path)| Some((stem.clone(), read(path, &mut files, &mut errors)?)))
        .collect();

    // What links may point at, and what the glossary defines.
    let terms = glossary
        .as_ref()
        .map(|g| g.term.as_slice())
        .unwrap_or_default();
    let service_list = services
        .as_ref()
        .map(|s| s.service.as_slice())
        .unwrap_or_default();
    let lists = questions
        .as_ref()
        .map(|q| q.list.as_slice())
        .unwrap_or_default();
    let targets = Targets {
        guide: guide::nations_by_slug(&guide_texts),
        glossary: check_ids(
            "glossary.toml",
            terms.iter().map(|t| t.id.as_str()),
            &mut errors,
        ),
        services: check_ids(
            "services.toml",
            service_list.iter().map(|s| s.id.as_str()),
            &mut errors,
        ),
        questions: check_ids(
            "questions.toml",
            lists.iter().map(|l| l.id.as_str()),
            &mut errors,
        ),
        plan_sections: PLAN_SECTIONS.iter().map(|s| (*s).to_owned()).collect(),
    };
    // Links written with a service's earlier id still reach it.
    let mut targets = targets;
    add_former_service_ids(service_list, &mut targets.services, &mut errors);

    let glossary_terms: Vec<GlossaryTerm> = terms
        .iter()
        .map(|t| GlossaryTerm {
            id: t.id.clone(),
            words: std::iter::once(&t.term)
                .chain(&t.also)
                .map(|w| Word::new(w))
                .collect(),
            autolink: t.autolink.unwrap_or(true),
        })
        .collect();
    let mut acronyms: BTreeSet<String> = NOT_ACRONYMS.iter().map(|s| (*s).to_owned()).collect();
    for t in terms {
        for word in std::iter::once(&t.term).chain(&t.also) {
            for token in word.split(|c: char| !c.is_alphanumeric()) {
                acronyms.insert(token.to_owned());
            }
        }
    }
    let ctx = Context {
        source_keys: &source_keys,
        glossary: &glossary_terms,
        acronyms: &acronyms,
        targets: &targets,
    };

    // The glossary itself.
    for t in terms {
        let place = format!("glossary.toml [{}]", t.id);
        check_keys(&place, &t.sources, &sources, &mut errors);
        check_nations(&place, &t.nations, &mut errors);
        if t.term.trim().is_empty() || t.means.trim().is_empty() {
            errors.push(format!("{place}: needs a term and what it means"));
        }
        let mut lint = Vec::new();
        markdown::lint_text(&t.means, &ctx, &mut lint);
        errors.extend(lint.into_iter().map(|e| format!("{place}: {e}")));
    }

    // Guide pages.
    let mut pages = Vec::new();
    let mut guide_bodies = Vec::new();
    for (stem, text) in &guide_texts {
        if let Some(page) = guide::compile_page(stem, text, &sources, &ctx, &mut errors) {
            pages.push(page);
        }
        if let Ok((_, body)) = guide::split_front_matter(text) {
            guide_bodies.push((stem.clone(), body.to_owned()));
        }
    }
    // In the guide's order; a page's own file (variant "") before its other versions.
    pages.sort_by(|a, b| (a.front.order, &a.variant).cmp(&(b.front.order, &b.variant)));
    guide::check_versions(&pages, &mut errors);
    if pages.is_empty() {
        errors.push("content/guide: no pages".into());
    }

    // Questions and services.
    for list in lists {
        let place = format!("questions.toml [{}]", list.id);
        check_keys(&place, &list.sources, &sources, &mut errors);
        check_nations(&place, &list.nations, &mut errors);
        if list.questions.is_empty() {
            errors.push(format!("{place}: no questions"));
        }
        for q in std::iter::once(&list.intro).chain(&list.questions) {
            let mut lint = Vec::new();
            markdown::lint_text(q, &ctx, &mut lint);
            errors.extend(lint.into_iter().map(|e| format!("{place}: {e}")));
        }
    }
    for s in service_list {
        check_service(s, &sources, &mut errors);
    }

    // Markdown fields in the plan and children's content.
    let field = |place: &str,
                 md: &str,
                 listed: &[String],
                 prefix: &str,
                 errors: &mut Vec<String>|
     -> String {
        let opts = Options_ {
            cite_prefix: prefix,
            autolink: false,
            headings: false,
            number_by: Some(listed),
        };
        let r = render(md, &ctx, &opts);
        errors.extend(r.errors.into_iter().map(|e| format!("{place}: {e}")));
        check_keys(place, listed, &sources, errors);
        r.html
    };

    let mut plan_sections = Vec::new();
    if let Some(plan) = &plan {
        let ids: Vec<&str> = plan.situation.iter().map(|s| s.id.as_str()).collect();
        if ids != SITUATIONS {
            errors.push(format!(
                "safety-plan.toml: situations must be exactly {SITUATIONS:?}"
            ));
        }
        let ids: Vec<&str> = plan.section.iter().map(|s| s.id.as_str()).collect();
        if ids != PLAN_SECTIONS {
            errors.push(format!(
                "safety-plan.toml: sections must be exactly, in order, {PLAN_SECTIONS:?}"
            ));
        }
        let mut rule_ids = BTreeSet::new();
        for section in &plan.section {
            let place = format!("safety-plan.toml [{}]", section.id);
            check_nations(&place, &section.nations, &mut errors);
            let why = field(
                &place,
                &section.why,
                &section.sources,
                &format!("why-{}-src", section.id),
                &mut errors,
            );
            for rule in &section.rule {
                if !rule.id.starts_with(&section.id) || !rule_ids.insert(rule.id.clone()) {
                    errors.push(format!(
                        "{place}: rule id {:?} must be unique and start with the section id",
                        rule.id
                    ));
                }
                if !sources.contains_key(&rule.source) {
                    errors.push(format!(
                        "{place}: rule {:?}: source {:?} is not in sources.toml",
                        rule.id, rule.source
                    ));
                }
                for s in &rule.situations {
                    if !SITUATIONS.contains(&s.as_str()) {
                        errors.push(format!(
                            "{place}: rule {:?}: unknown situation {s:?}",
                            rule.id
                        ));
                    }
                }
            }
            plan_sections.push(why);
        }
    }

    let mut child_html = Vec::new();
    if let Some(children) = &children {
        check_ids(
            "children.toml general",
            children.general.iter().map(|g| g.id.as_str()),
            &mut errors,
        );
        for g in &children.general {
            let place = format!("children.toml [general {}]", g.id);
            check_nations(&place, &g.nations, &mut errors);
            child_html.push(field(
                &place,
                &g.body,
                &g.sources,
                &format!("general-{}-src", g.id),
                &mut errors,
            ));
        }
        let ids: Vec<&str> = children.band.iter().map(|b| b.id.as_str()).collect();
        if ids != BANDS {
            errors.push(format!(
                "children.toml: bands must be exactly, in order, {BANDS:?}"
            ));
        }
        for band in &children.band {
            let place = format!("children.toml [band {}]", band.id);
            check_nations(&place, &band.nations, &mut errors);
            child_html.push(field(
                &place,
                &band.understands,
                &band.sources,
                &format!("band-{}-src", band.id),
                &mut errors,
            ));
            if band.phrase.len() < 6 || band.question.len() < 6 {
                errors.push(format!("{place}: needs at least 6 phrases and 6 questions"));
            }
            let tags = band
                .phrase
                .iter()
                .map(|p| &p.source)
                .chain(band.question.iter().map(|q| &q.source));
            for tag in tags {
                if !sources.contains_key(tag) {
                    errors.push(format!("{place}: source {tag:?} is not in sources.toml"));
                }
            }
        }
        child_html.push(field(
            "children.toml [afterwards]",
            &children.afterwards.news,
            &children.afterwards.sources,
            "afterwards-src",
            &mut errors,
        ));
        child_html.push(field(
            "children.toml [school]",
            &children.school.body,
            &children.school.sources,
            "school-src",
            &mut errors,
        ));
    }

    if let Some(journey) = &journey {
        journey::check_journey(journey, &sources, &ctx, &mut errors);
    }

    files::check_links_in_files(dir, &files, &mut allowed, &mut errors);
    allowed.check_all_used(&mut errors);
    // Only once all else is well: a page that fails to compile cites nothing, and its
    // sources would be reported as unused.
    if errors.is_empty() {
        let mut cited = sources::cited_by(
            &pages,
            terms,
            lists,
            service_list,
            plan.as_ref(),
            children.as_ref(),
        );
        for stage in journey.iter().flat_map(|j| &j.stage) {
            cited.extend(stage.sources.iter().cloned());
        }
        sources::check_every_source_cited(&sources, &cited, &mut errors);
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    let rust = emit::emit(&emit::Input {
        sources: &sources,
        pages: &pages,
        glossary: terms,
        questions: lists,
        services: service_list,
        plan: plan.as_ref(),
        plan_why: &plan_sections,
        children: children.as_ref(),
        children_html: &child_html,
        journey: journey.as_ref(),
    });
    Ok(Compiled {
        rust,
        files,
        guide_bodies,
    })
}
