//! The guide's contents and its pages, each in the version for where she lives: which
//! nations a page is for, where the law differs, and links to the other nations' versions.

use super::GuideTools;
use crate::content::{self, guide_page, guide_page_in, guide_pages, guide_versions, GuidePage};
use crate::domain::nation::{in_words, Nation, Residence};
use crate::ui::components::listen::Listen;
use crate::ui::components::page::{use_page_title, BackLink};
use crate::ui::components::sources::SourceList;
use crate::ui::nav::href;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::store::use_store;
use leptos::prelude::*;

/// Where she said she lives, as it changes.
fn use_residence() -> Memo<Residence> {
    let store = use_store();
    Memo::new(move |_| store.snapshot.with(|s| s.data.nation))
}

/// The address of one version of a page: `/guide/police/scotland`.
fn version_href(page: &GuidePage) -> String {
    match page.nations.first() {
        Some(nation) => format!("/guide/{}/{nation}", page.slug),
        None => format!("/guide/{}", page.slug),
    }
}

/// A link to settings, where she says where she lives.
fn choose_link(text: &'static str) -> impl IntoView {
    view! { <a href=href("/settings#nation")>{text}</a> }
}

/// The guide's contents: her nation's version of each page, and the pages that are not for
/// where she lives under a heading of their own.
#[component]
pub fn GuideIndexPage() -> impl IntoView {
    use_page_title(|| "What is happening".to_owned());
    let residence = use_residence();
    let card = |p: &'static GuidePage| {
        view! {
            <li class="app-card">
                <a class="app-card__link" href=href(&format!("/guide/{}", p.slug))>{p.title}</a>
                <p class="app-card__text">{p.summary}</p>
            </li>
        }
    };
    let lists = move || {
        let nation = residence.get().nation();
        let (mine, elsewhere): (Vec<_>, Vec<_>) = guide_pages()
            .into_iter()
            .filter_map(|p| guide_page(p.slug, nation))
            .partition(|p| nation.is_none_or(|n| p.covers(n)));
        let others = (!elsewhere.is_empty()).then(|| {
            view! {
                <h2 class="app-heading-m" id="not-for-you">"Not for where you live"</h2>
                <p>"These pages are about the law in other parts of the UK. They may still help you understand what happens."</p>
                <ul class="app-card-list" aria-labelledby="not-for-you">{elsewhere.into_iter().map(card).collect_view()}</ul>
            }
        });
        view! {
            <ul class="app-card-list">{mine.into_iter().map(card).collect_view()}</ul>
            {others}
        }
    };
    let showing = move || {
        match residence.get().nation() {
        Some(nation) => view! {
            <p>{format!("Showing pages for {}. ", nation.name())} {choose_link("Change where you live")}</p>
        }
        .into_any(),
        None => view! {
            <p>
                {if residence.get().answered() { "You are not sure where you live" } else { "You have not said where you live" }}
                ", so this shows pages for England. "
                {choose_link("Choose where you live")}
            </p>
        }
        .into_any(),
    }
    };
    view! {
        <h1 class="app-heading-l">"What is happening"</h1>
        <p class="app-lead">"A plain guide to what happens now and next. Each fact shows where it comes from, when that was published, and when Harbour read it."</p>
        <Listen/>
        <p>"This guide is information, not legal advice. For advice about your situation, talk to a solicitor, Family Rights Group or Citizens Advice."</p>
        {showing}
        <GuideTools/>
        {lists}
    }
}

/// One page of the guide: at `/guide/<slug>` the version for where she lives (England's
/// when she has not said), at `/guide/<slug>/<nation>` that nation's.
#[component]
pub fn GuideArticlePage(slug: String, #[prop(optional)] nation: Option<Nation>) -> impl IntoView {
    let residence = use_residence();
    let slug = StoredValue::new(slug);
    let page = Memo::new(move |_| {
        let slug = slug.read_value();
        let found = match nation {
            Some(asked) => guide_page_in(&slug, asked),
            None => guide_page(&slug, residence.get().nation()),
        };
        found.map(|p| (p.slug, p.variant))
    });
    let the_page = move || {
        page.get()
            .and_then(|(slug, variant)| guide_versions(slug).find(|p| p.variant == variant))
    };
    use_page_title(move || {
        the_page().map_or_else(|| "Page not found".to_owned(), |p| p.title.to_owned())
    });
    move || match the_page() {
        Some(page) => view! { <Article page residence=residence.get() asked=nation/> }.into_any(),
        None => view! { <NotFoundPage/> }.into_any(),
    }
}

#[component]
fn Article(page: &'static GuidePage, residence: Residence, asked: Option<Nation>) -> impl IntoView {
    let order = guide_pages();
    let index = order.iter().position(|p| p.slug == page.slug).unwrap_or(0);
    let neighbour = |i: Option<usize>| {
        i.and_then(|i| order.get(i))
            .and_then(|p| guide_page(p.slug, residence.nation()))
    };
    let (previous, next) = (neighbour(index.checked_sub(1)), neighbour(Some(index + 1)));
    view! {
        <BackLink to="/guide" text="All guide pages"/>
        <h1 class="app-heading-l">{page.title}</h1>
        <p class="app-lead">{page.summary}</p>
        <p class="app-meta">"Last reviewed " {content::human_date(page.last_reviewed)} "."</p>
        <Listen/>
        <NationNote page residence asked/>
        <div class="app-prose" inner_html=page.html></div>
        <SourceList keys=page.sources prefix="src".to_owned()/>
        <nav class="app-pagination" aria-label="Guide pages">
            {previous.map(|p| view! {
                <a class="app-pagination__link" href=href(&format!("/guide/{}", p.slug))>
                    <span class="app-pagination__label">"Previous"</span>
                    {p.title}
                </a>
            })}
            {next.map(|p| view! {
                <a class="app-pagination__link" href=href(&format!("/guide/{}", p.slug))>
                    <span class="app-pagination__label">"Next"</span>
                    {p.title}
                </a>
            })}
        </nav>
        <GuideTools/>
    }
}

/// Which nations the page is for, where the law differs (with links to those versions),
/// and how this version relates to where she lives.
#[component]
fn NationNote(
    page: &'static GuidePage,
    residence: Residence,
    asked: Option<Nation>,
) -> impl IntoView {
    let for_whom = in_words(page.nations);
    // In the order Harbour lists the nations (England, Wales, Scotland, Northern Ireland).
    let mut others: Vec<&'static GuidePage> = guide_versions(page.slug)
        .filter(|v| v.variant != page.variant)
        .collect();
    others.sort_by_key(|v| v.nations.first().and_then(|n| Nation::from_id(n)));
    let differs = (!others.is_empty()).then(|| {
        let mut nations: Vec<&str> = others.iter().flat_map(|v| v.nations.iter().copied()).collect();
        nations.sort_by_key(|n| Nation::from_id(n));
        let links = others.iter().enumerate().map(|(i, v)| {
            view! {
                {(i > 0).then_some(" · ")}
                <a href=href(&version_href(v))>{format!("the {} version", in_words(v.nations))}</a>
            }
        });
        view! {
            <p>{format!("The law is different in {}: read ", in_words(&nations))} {links.collect_view()}</p>
        }
    });
    let about_her = match (residence.nation(), asked) {
        (None, Some(_)) => None,
        (None, None) => Some(
            view! {
                <p>
                    {if residence.answered() { "You are not sure where you live" } else { "You have not said where you live" }}
                    {format!(", so this shows {for_whom}. ")}
                    {choose_link("Choose where you live")}
                </p>
            }
            .into_any(),
        ),
        (Some(home), _) if page.covers(home) => None,
        (Some(home), _) => Some(match guide_page_in(page.slug, home) {
            Some(hers) => view! {
                <p>
                    {format!("You live in {}: ", home.name())}
                    <a href=href(&version_href(hers))>{format!("read the {} version", in_words(hers.nations))}</a>
                </p>
            }
            .into_any(),
            None => view! {
                <p>
                    {format!("This page is not written for {}, where you live. The law and services there may be different. ", home.name())}
                    {choose_link("Change where you live")}
                </p>
            }
            .into_any(),
        }),
    };
    view! {
        <div class="app-notice" id="page-nations">
            <p><strong>{format!("This page is for {for_whom}.")}</strong></p>
            {differs}
            {about_her}
        </div>
    }
}
