//! Using Harbour safely: what quick exit, the lock and Harbour's storage do, and what they
//! do not do.

use crate::ui::components::page::use_page_title;
use crate::ui::nav::href;
use leptos::prelude::*;

#[component]
pub fn SafetyPage() -> impl IntoView {
    use_page_title(|| "Using Harbour safely".to_owned());
    view! {
        <h1 class="app-heading-l">"Using Harbour safely"</h1>
        <p class="app-lead">"Harbour keeps what you write on this phone only. It is never sent anywhere. But anyone who can use this phone may be able to see it, so here is how to keep it private."</p>

        <h2 class="app-heading-m">"Quick exit"</h2>
        <p>"The red Quick exit button at the top of every page closes Harbour at once and opens a weather website. On a keyboard, press Shift three times."</p>
        <p>"Harbour does not add its pages to your Back button, so pressing Back afterwards does not show what you were reading or writing. If the lock is on, Harbour also locks."</p>
        <p><strong>"Quick exit does not delete your browser's history."</strong>" Someone who looks at the history list can still see that you opened Harbour. To remove it, delete Harbour's entries from your browser's history, or use private browsing. Remove only Harbour's own entries (see below)."</p>
        <p>"You can choose which website quick exit opens in "<a href=href("/settings")>"Settings"</a>"."</p>

        <h2 class="app-heading-m">"Lock Harbour with a passphrase"</h2>
        <p>"With the lock on, what you write is stored encrypted, so it cannot be read without your passphrase. Harbour locks when you have not used it for a few minutes (you choose how long), when you use quick exit, and when you come back to it with the Back button."</p>
        <p>"If you forget your passphrase, nobody can get your notes back, not even Harbour. The only way on is to delete everything and start again."</p>
        <p><a href=href("/settings")>"Turn on the lock in Settings"</a></p>

        <h2 class="app-heading-m">"Discreet mode"</h2>
        <p>"In discreet mode, Harbour first shows a plain page called “Notes” every time it opens, and its name and icon become “Notes” everywhere: in the browser tab, at the top and bottom of every page, in messages and on the lock screen."</p>
        <p>"It does not hide the pages themselves once you open them, or the web address. Anyone who opens the notes can read on, so turn on the lock as well."</p>

        <h2 class="app-heading-m">"If you share this phone or computer"</h2>
        <ul>
            <li>"Private or incognito browsing keeps Harbour out of your history. But everything you write is deleted when you close the private window, so download a copy first if you want to keep it."</li>
            <li>"If you add Harbour to your home screen, its name and icon stay there until you remove it. Turn on discreet mode before you add it, so it says “Notes”."</li>
            <li>"Files you download from Harbour, such as a printed plan or a copy of your notes, stay in your downloads list and files app until you delete them. A downloaded copy is not protected by your passphrase."</li>
            <li>"Printing leaves a record in some printers and in your browser's list of recent files."</li>
            <li>"Calls and texts you make from Harbour show in your phone's call and message history."</li>
        </ul>

        <h2 class="app-heading-m">"What Harbour cannot protect against"</h2>
        <p>"If someone has put tracking or spying software on your phone, they may see what you do, whatever Harbour does. If you are worried about this, use a phone or computer they cannot get to, such as a friend's or a library's."</p>
        <p>"If you are in danger now, call "<a href="tel:999">"999"</a>"."</p>

        <h2 class="app-heading-m">"Deleting everything"</h2>
        <p>"Settings has a button to delete everything Harbour keeps on this phone, including its offline copy. It cannot delete files you downloaded, or your browser's history."</p>
        <p><a href=href("/settings")>"Go to Settings"</a></p>

        <h2 class="app-heading-m">"What is safe to delete, and what is not"</h2>
        <p>"Clearing Harbour's own traces is fine: its notes, its entries in your history, and files you downloaded from it. That removes only what you wrote in Harbour."</p>
        <p><strong>"Do not delete anything else the police may need."</strong>" Do not delete, wipe, reset, sell, hide or lend any phone, computer or account in the home while there is an investigation. Deleting or hiding something the police may need could itself be a crime."</p>
        <p>"Never look for, open or send on any image. If you find something, do not open it: tell the police or a solicitor."</p>
        <p><a href=href("/guide/first-days")>"Read what not to do, and what is safe"</a></p>
    }
}
