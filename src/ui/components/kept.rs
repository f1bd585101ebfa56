//! A form's fields kept in her data (`data.drafts`) as she types, so a form she has not
//! saved yet survives a reload, a killed tab or a crash. Drafts are her data like every other
//! word she writes: saved by the store on change, sealed under the lock, in backups, and gone
//! with "Delete everything". The form reads them from the store, so it follows the lock and
//! another tab's changes.

use crate::domain::drafts::{self, DraftKey, Drafts, ShortFields};
use crate::ui::store::{use_store, Store};
use leptos::prelude::*;
use std::sync::Arc;

type Read<T> = Arc<dyn Fn(&Drafts) -> Option<T> + Send + Sync>;
type Write<T> = Arc<dyn Fn(&mut Drafts, Option<T>) + Send + Sync>;

/// One form's kept fields. `blank` is what the form shows when nothing is kept; a form
/// changed back to `blank` keeps nothing.
pub struct Kept<T: Send + Sync + 'static> {
    store: Store,
    blank: StoredValue<T>,
    read: StoredValue<Read<T>>,
    write: StoredValue<Write<T>>,
}

impl<T: Send + Sync + 'static> Clone for Kept<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Kept<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Kept<T> {
    /// A form kept where `read` and `write` say.
    pub fn new(
        blank: T,
        read: impl Fn(&Drafts) -> Option<T> + Send + Sync + 'static,
        write: impl Fn(&mut Drafts, Option<T>) + Send + Sync + 'static,
    ) -> Self {
        Self {
            store: use_store(),
            blank: StoredValue::new(blank),
            read: StoredValue::new(Arc::new(read)),
            write: StoredValue::new(Arc::new(write)),
        }
    }

    fn current(&self, drafts: &Drafts) -> T {
        self.read
            .with_value(|read| read(drafts))
            .unwrap_or_else(|| self.blank.get_value())
    }

    /// The form's fields (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        let value = self.store.snapshot.with(|s| self.current(&s.data.drafts));
        f(&value)
    }

    /// Something is kept (tracked): she has typed into the form.
    pub fn is_kept(&self) -> bool {
        self.store
            .snapshot
            .with(|s| self.read.with_value(|read| read(&s.data.drafts).is_some()))
    }

    /// The form's fields, not tracked.
    pub fn get_untracked(&self) -> T {
        self.store
            .snapshot
            .with_untracked(|s| self.current(&s.data.drafts))
    }

    /// Changes the form's fields and keeps them.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        let (blank, read, write) = (
            self.blank.get_value(),
            self.read.get_value(),
            self.write.get_value(),
        );
        self.store.snapshot.update(|s| {
            let next = drafts::edit(read(&s.data.drafts), &blank, f);
            write(&mut s.data.drafts, next);
        });
    }

    /// Replaces the form's fields (to change a saved item, say) and keeps them.
    pub fn set(&self, value: T) {
        self.update(|v| *v = value);
    }

    /// Empties the form (she saved or discarded it): nothing is kept, and `fresh` is what
    /// it shows now.
    pub fn clear(&self, fresh: T) {
        self.blank.set_value(fresh);
        let (read, write) = (self.read.get_value(), self.write.get_value());
        if self
            .store
            .snapshot
            .with_untracked(|s| read(&s.data.drafts).is_some())
        {
            self.store
                .snapshot
                .update(|s| write(&mut s.data.drafts, None));
        }
    }
}

impl Kept<ShortFields> {
    /// A short form, kept under `key`.
    pub fn short(key: DraftKey, blank: ShortFields) -> Self {
        let other = key.clone();
        Self::new(
            blank,
            move |d| d.short(&key),
            move |d, v| d.set_short(&other, v),
        )
    }
}

/// The "Clear this form" button, shown while `shown` (something is kept). `on_clear` empties
/// the form and says so. `label` replaces the words (for example "Cancel" while changing a
/// saved item); `context` is read by screen readers after them, to tell apart several such
/// buttons on one page.
#[component]
pub fn ClearForm(
    id: String,
    #[prop(into)] shown: Signal<bool>,
    on_clear: Callback<()>,
    #[prop(optional, into)] label: Option<Signal<&'static str>>,
    #[prop(optional)] context: Option<String>,
) -> impl IntoView {
    let label = label.unwrap_or_else(|| Signal::stored("Clear this form"));
    view! {
        <Show when=move || shown.get()>
            <button type="button" id=id.clone() class="app-button app-button--secondary" on:click=move |_| on_clear.run(())>
                {move || label.get()}
                {context.clone().map(|c| view! { <span class="app-visually-hidden">{format!(": {c}")}</span> })}
            </button>
        </Show>
    }
}
