//! The crisis guide (contents and pages), glossary, search and "questions to ask".

mod article;

pub use article::{GuideArticlePage, GuideIndexPage};

use crate::adapters::browser;
use crate::content::{self, search, GLOSSARY, QUESTION_LISTS};
use crate::domain::nation::{in_words, Nation};
use crate::ui::components::listen::Listen;
use crate::ui::components::page::use_page_title;
use crate::ui::nav::href;
use crate::ui::store::use_store;
use leptos::prelude::*;

/// Links to the guide's other tools, shown under the contents and each page.
#[component]
fn GuideTools() -> impl IntoView {
    view! {
        <ul class="app-link-list" data-no-read="">
            <li><a href=href("/search")>"Search the guide"</a></li>
            <li><a href=href("/glossary")>"Words and what they mean"</a></li>
            <li><a href=href("/questions")>"Questions to ask"</a></li>
        </ul>
    }
}

/// The glossary: every term, with what it means and its sources.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    use_page_title(|| "Words and what they mean".to_owned());
    let store = use_store();
    let home = store.snapshot.with_untracked(|s| s.data.nation.nation());
    let terms = GLOSSARY
        .iter()
        .map(|t| {
            let used_in = where_used(t.nations, home);
            let sources = t
                .sources
                .iter()
                .filter_map(|k| content::source(k))
                .map(|s| format!("{} ({})", s.title, content::source_dates(s)))
                .collect::<Vec<_>>()
                .join("; ");
            view! {
                <div class="app-glossary__entry" id=t.id tabindex="-1">
                    <dt class="app-glossary__term">
                        {t.term}
                        {(!t.stands_for.is_empty()).then(|| view! { <span class="app-glossary__expansion">" (" {t.stands_for} ")"</span> })}
                    </dt>
                    <dd class="app-glossary__means">
                        {used_in.map(|text| view! { <p class="app-glossary__nations">{text}</p> })}
                        <p>{t.means}</p>
                        <p class="app-meta">"Source: " {sources}</p>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <h1 class="app-heading-l">"Words and what they mean"</h1>
        <p class="app-lead">"Plain explanations of the words and letters professionals use. It is always fine to ask someone what a word means."</p>
        <Listen/>
        <p><a href=href("/search")>"Search the guide and these words"</a></p>
        <dl class="app-glossary">{terms}</dl>
    }
}

/// Where a term or result is used, when not everywhere in the UK: "Used in Scotland", and
/// "(not where you live)" when it is not used in her nation.
fn where_used(nations: &[&str], home: Option<Nation>) -> Option<String> {
    if nations.is_empty() || Nation::ALL.iter().all(|n| nations.contains(&n.id())) {
        return None;
    }
    let not_hers = home.is_some_and(|n| !nations.contains(&n.id()));
    Some(format!(
        "Used in {}{}",
        in_words(nations),
        if not_hers {
            " (not where you live)"
        } else {
            ""
        }
    ))
}

/// Search across the guide and glossary, as she types, on the phone.
#[component]
pub fn SearchPage() -> impl IntoView {
    use_page_title(|| "Search".to_owned());
    // Build the index (about 5 ms, once) as the page opens, not on her first keystroke.
    leptos::leptos_dom::helpers::request_animation_frame(|| {
        let _ = search::index();
    });
    let store = use_store();
    let home = Memo::new(move |_| store.snapshot.with(|s| s.data.nation.nation()));
    let query = RwSignal::new(String::new());
    let status = NodeRef::<leptos::html::P>::new();
    let hits = Memo::new(move |_| query.with(|q| search::search(q, 20, home.get())));
    let summary = move || {
        let q = query.get();
        if q.trim().is_empty() {
            String::new()
        } else {
            match hits.with(Vec::len) {
                0 => format!(
                    "Nothing found for “{}”. Try fewer or different words.",
                    q.trim()
                ),
                1 => "1 result".to_owned(),
                n => format!("{n} results"),
            }
        }
    };
    view! {
        <h1 class="app-heading-l">"Search"</h1>
        // Results follow her typing; the button is there for those who expect one (and for
        // HTML_CodeSniffer's WCAG 3.2.2 check), and takes her to the results.
        <form
            class="app-form-group"
            role="search"
            on:submit=move |ev| {
                ev.prevent_default();
                if let Some(status) = status.get_untracked() {
                    let _ = status.focus();
                }
            }
        >
            <label class="app-label" for="search">"Search the guide and the word list"</label>
            <span class="app-hint" id="search-hint">"For example: bail, section 47, school. What you type stays on this phone."</span>
            <div class="app-search">
                <input
                    class="app-input app-search__input"
                    id="search"
                    type="search"
                    autocomplete="off"
                    aria-describedby="search-hint"
                    prop:value=move || query.get()
                    on:input:target=move |ev| query.set(ev.target().value())
                />
                <button type="submit" class="app-button app-search__button">"Search"</button>
            </div>
        </form>
        <p class="app-status" role="status" tabindex="-1" node_ref=status>{summary}</p>
        <ol class="app-results">
            <For each=move || hits.get() key=|h| h.href.clone() let:hit>
                <li class="app-results__item">
                    <a class="app-results__link" href=href(&hit.href)>{hit.title.clone()}</a>
                    <p class="app-meta">
                        {hit.place.clone()}
                        {(!hit.is_for_all() && home.get_untracked().is_none_or(|n| !hit.is_for(n)))
                            .then(|| view! { " " <span class="app-tag">{format!("For {}", in_words(hit.nations))}</span> })}
                    </p>
                    <p class="app-results__snippet">{hit.snippet.clone()}</p>
                </li>
            </For>
        </ol>
    }
}

/// "Questions to ask" lists she can copy or add to her notes.
#[component]
pub fn QuestionsPage() -> impl IntoView {
    use_page_title(|| "Questions to ask".to_owned());
    let store = use_store();
    let status = RwSignal::new(String::new());
    let lists = QUESTION_LISTS
        .iter()
        .map(|list| {
            let text = format!(
                "{}\n{}",
                list.title,
                list.questions.iter().map(|q| format!("- {q}")).collect::<Vec<_>>().join("\n")
            );
            let copy_text = text.clone();
            let items = list.questions.iter().map(|q| view! { <li>{*q}</li> }).collect_view();
            view! {
                <section class="app-question-list" id=list.id tabindex="-1" aria-labelledby=format!("{}-title", list.id)>
                    <h2 class="app-heading-m" id=format!("{}-title", list.id)>{list.title}</h2>
                    <p>{list.intro}</p>
                    <ul>{items}</ul>
                    <div class="app-button-group">
                        <button
                            type="button"
                            class="app-button app-button--secondary"
                            on:click=move |_| {
                                let text = copy_text.clone();
                                leptos::task::spawn_local(async move {
                                    let message = match browser::copy_text(&text).await {
                                        Ok(()) => format!("Copied: {}", list.title),
                                        Err(_) => "Your browser did not let Harbour copy. You can select the questions and copy them yourself.".to_owned(),
                                    };
                                    status.set(message);
                                });
                            }
                        >
                            "Copy these questions"
                        </button>
                        <button
                            type="button"
                            class="app-button app-button--secondary"
                            on:click=move |_| {
                                let text = text.clone();
                                store.snapshot.update(|s| {
                                    if !s.data.notes.is_empty() {
                                        s.data.notes.push_str("\n\n");
                                    }
                                    s.data.notes.push_str(&text);
                                });
                                status.set(format!("Added to your notebook: {}", list.title));
                            }
                        >
                            "Add to my notebook"
                        </button>
                    </div>
                </section>
            }
        })
        .collect_view();
    view! {
        <h1 class="app-heading-l">"Questions to ask"</h1>
        <p class="app-lead">"Meetings and calls go fast. It helps to have your questions written down, and to write down the answers."</p>
        <Listen/>
        <p class="app-status" role="status">{move || status.get()}</p>
        {lists}
        <p><a href=href("/notebook")>"Go to your notebook"</a></p>
    }
}
