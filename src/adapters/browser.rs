//! Small browser services: time, the page title and icon, downloads, the base path.

use wasm_bindgen::{JsCast, JsValue};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Milliseconds since 1970, from the browser clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The current time as an ISO 8601 text (UTC).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Sets the document's title.
pub fn set_title(title: &str) {
    if let Some(doc) = document() {
        doc.set_title(title);
    }
}

/// Points the element with `id` at `href` (the favicon, the manifest).
pub fn set_link_href(id: &str, href: &str) {
    if let Some(link) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlLinkElement>().ok())
    {
        if link.get_attribute("href").as_deref() != Some(href) {
            link.set_href(href);
        }
    }
}

/// Adds a stylesheet to the page once (kept for the rest of the visit): styles only one
/// lazily loaded page needs, so they are not part of the first visit. `href` is relative to
/// the app's base, like every file of the app.
pub fn add_stylesheet(id: &str, href: &str) {
    let Some(doc) = document() else { return };
    if doc.get_element_by_id(id).is_some() {
        return;
    }
    let Some(link) = doc
        .create_element("link")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlLinkElement>().ok())
    else {
        return;
    };
    link.set_id(id);
    link.set_rel("stylesheet");
    link.set_href(href);
    if let Some(head) = doc.query_selector("head").ok().flatten() {
        let _ = head.append_child(&link);
    }
}

/// Adds or removes a class on `<html>`.
pub fn set_root_class(class: &str, on: bool) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let list = root.class_list();
        let _ = if on {
            list.add_1(class)
        } else {
            list.remove_1(class)
        };
    }
}

/// True while the page is hidden (another app or tab is in front, or the screen is off).
pub fn is_hidden() -> bool {
    document().is_some_and(|d| d.hidden())
}

/// Whether `<html>` has `class` (early.js marks the page before the app starts).
pub fn has_root_class(class: &str) -> bool {
    document()
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.class_list().contains(class))
}

/// Covers the whole page with a plain element, or removes it. A real element over
/// everything (not a style on the page), so a snapshot taken while the page is hidden,
/// such as the phone's app switcher, shows nothing of what is under it.
pub fn set_privacy_cover(on: bool) {
    const ID: &str = "app-privacy-cover";
    let Some(doc) = document() else {
        return;
    };
    match (on, doc.get_element_by_id(ID)) {
        (true, None) => {
            if let (Ok(cover), Some(body)) = (doc.create_element("div"), doc.body()) {
                cover.set_id(ID);
                cover.set_class_name("app-privacy-cover");
                let _ = body.append_child(&cover);
            }
        }
        (false, Some(cover)) => cover.remove(),
        _ => {}
    }
}

/// The path the app is served under, from `<base href>` (for example "/" or "/harbour/").
pub fn base_path() -> String {
    document()
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_else(|| "/".into())
}

/// The home page's introduction from the static page the HTML shows before the app starts,
/// so the app can show the same words.
pub fn static_intro() -> Option<String> {
    document()?
        .get_element_by_id("app-static-home")
        .map(|e| e.inner_html())
}

/// An element outside the page, for the app to be built in out of sight while the static
/// page stays on screen (see `ui::start`).
pub fn offstage() -> Option<web_sys::HtmlElement> {
    document()?.create_element("div").ok()?.dyn_into().ok()
}

/// Puts what was built `offstage` in place of the static page, in one step, so she never
/// sees a page half built.
pub fn replace_static_shell(offstage: &web_sys::HtmlElement) {
    let Some(doc) = document() else { return };
    if let Some(shell) = doc.get_element_by_id("app-static") {
        shell.remove();
    }
    let Some(body) = doc.body() else { return };
    while let Some(child) = offstage.first_child() {
        let _ = body.append_child(&child);
    }
}

/// Offers `text` to her as a file download (she chooses to keep it).
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not make the file".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "could not make the file".to_owned())?;
    let doc = document().ok_or("no document")?;
    let link = doc
        .create_element("a")
        .map_err(|_| "could not start the download".to_owned())?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "could not start the download".to_owned())?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Leaves for `url`, replacing this page in the history.
pub fn replace_location(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(url);
    }
}

/// The address's path and fragment (with its `#`, or "" if none).
pub fn current_address() -> (String, String) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return ("/".into(), String::new());
    };
    (
        location.pathname().unwrap_or_else(|_| "/".into()),
        location.hash().unwrap_or_default(),
    )
}

/// Shows `url` (an address on this site) in the address bar, replacing the current history
/// entry, without loading it.
pub fn replace_address(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// Scrolls to the top of the page.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Reloads the page.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Copies `text` to the clipboard (needs a secure context, as Harbour always has).
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "the browser refused".to_owned())
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Today's date where she is, as YYYY-MM-DD.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// A new random id for an item she adds (12 hex digits).
pub fn new_id() -> String {
    let bytes: [u8; 6] = crate::adapters::crypto::random_bytes().unwrap_or_else(|_| {
        // No CSPRNG: the time is unique enough for an item id (not a secret).
        let t = now_ms() as u64;
        let mut b = [0u8; 6];
        b.copy_from_slice(&t.to_be_bytes()[2..]);
        b
    });
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Opens the browser's print dialog (which can also save a PDF).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The address's fragment, without the `#` ("" if none).
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// Removes the fragment from the address bar, without adding history.
pub fn clear_hash() {
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let path = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
        }
    }
}

/// The address of `path` on this site, such as "https://example.org/harbour/".
pub fn absolute_url(path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{path}")
}

/// True when the browser can hand a link to other apps (the Web Share API).
pub fn can_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false))
        .unwrap_or(false)
}

/// Offers `url` to the phone's share sheet.
pub async fn share(title: &str, url: &str) -> Result<(), String> {
    let navigator = web_sys::window().ok_or("no window")?.navigator();
    let share =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("share")).map_err(|_| "no sharing")?;
    let share: js_sys::Function = share.dyn_into().map_err(|_| "no sharing".to_owned())?;
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &data,
        &JsValue::from_str("title"),
        &JsValue::from_str(title),
    );
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("url"), &JsValue::from_str(url));
    let promise: js_sys::Promise = share
        .call1(&navigator, &data)
        .map_err(|_| "sharing failed".to_owned())?
        .dyn_into()
        .map_err(|_| "sharing failed".to_owned())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "not shared".to_owned())
}

/// Offers `text` to the phone's share sheet (she picks the app; Harbour sends nothing).
pub async fn share_text(title: &str, text: &str) -> Result<(), String> {
    let navigator = web_sys::window().ok_or("no window")?.navigator();
    let share =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("share")).map_err(|_| "no sharing")?;
    let share: js_sys::Function = share.dyn_into().map_err(|_| "no sharing".to_owned())?;
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &data,
        &JsValue::from_str("title"),
        &JsValue::from_str(title),
    );
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("text"), &JsValue::from_str(text));
    let promise: js_sys::Promise = share
        .call1(&navigator, &data)
        .map_err(|_| "sharing failed".to_owned())?
        .dyn_into()
        .map_err(|_| "sharing failed".to_owned())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "not shared".to_owned())
}

/// The text of the file chosen in the file input that `ev` (its change event) came from
/// (None if none is chosen).
pub fn read_chosen_file(
    ev: &web_sys::Event,
) -> impl std::future::Future<Output = Result<Option<String>, String>> + 'static {
    let file = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0));
    async move {
        let Some(file) = file else {
            return Ok(None);
        };
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .map_err(|_| "the file could not be read".to_owned())?;
        Ok(text.as_string())
    }
}

/// Milliseconds since 1970 as her browser writes a date and time in British English
/// ("05/12/2026, 13:00:00").
pub fn local_date_time(ms: f64) -> String {
    String::from(js_sys::Date::new(&ms.into()).to_locale_string("en-GB", &JsValue::UNDEFINED))
}

/// The current time in UTC as an iCalendar stamp (20261123T210000Z).
pub fn now_ics_stamp() -> String {
    let iso = now_iso();
    let digits: String = iso.chars().filter(char::is_ascii_digit).take(14).collect();
    format!(
        "{}T{}Z",
        &digits[..8.min(digits.len())],
        digits.get(8..).unwrap_or("")
    )
}
