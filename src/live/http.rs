//! The routes: the participant page, its form fallbacks, and the JSON API. Nothing else
//! is served; every other path is a 404.

use super::state::{
    ApiError, CodeRefusal, RawAnswer, Shared, StateView, json_position, random_token,
};
use super::{MAX_BODY_BYTES, page};
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, FormRejection};
use axum::extract::{ConnectInfo, DefaultBodyLimit, Form, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Extension, Router};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tower_http::timeout::TimeoutLayer;

type AppState = Arc<Shared>;

/// The cookie that holds the participant token.
pub(crate) const COOKIE: &str = "goudenoor_deelnemer";
/// A request that takes longer than this is answered with 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a client may take to send a request's headers (against slow clients that
/// would hold connections open).
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Accepts connections until the future is dropped. Each connection is served by hyper
/// with a header read timeout; the peer's address reaches the handlers as `ConnectInfo`.
pub(crate) async fn serve(listener: tokio::net::TcpListener, router: Router) {
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT);
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(_) => {
                // Out of file descriptors and the like: wait instead of spinning.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = hyper_util::service::TowerToHyperService::new(
            router.clone().layer(Extension(ConnectInfo(peer))),
        );
        let connection = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
}

/// The per-response nonce for the inline style and script.
#[derive(Clone)]
pub(crate) struct Nonce(pub String);

pub(crate) fn router(shared: AppState) -> Router {
    Router::new()
        .route("/", get(code_page).post(code_submit))
        .route("/w/{token}", get(participant_page))
        .route("/w/{token}/join", post(form_join))
        .route("/w/{token}/answer", post(form_answer))
        .route("/w/{token}/warmup", post(form_warmup))
        .route("/w/{token}/done", post(form_done))
        .route("/w/{token}/api/join", post(api_join))
        .route("/w/{token}/api/questionnaire", get(api_questionnaire))
        .route("/w/{token}/api/me", get(api_me))
        .route("/w/{token}/api/state", get(api_state))
        .route(
            "/w/{token}/api/answers/{item}",
            put(api_answer).delete(api_clear),
        )
        .route("/w/{token}/api/warmup/{n}", put(api_warmup))
        .route("/w/{token}/api/done", post(api_done))
        .fallback(not_found)
        .method_not_allowed_fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(security_headers))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .with_state(shared)
}

/// Headers on every response: a strict CSP with a fresh nonce, no caching, no referrer
/// (the URL holds the workshop token), no framing, no sniffing.
async fn security_headers(mut request: Request, next: Next) -> Response {
    let nonce = random_token();
    request.extensions_mut().insert(Nonce(nonce.clone()));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let csp = format!(
        "default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; \
         img-src data:; connect-src 'self'; form-action 'self'; base-uri 'none'; \
         frame-ancestors 'none'"
    );
    if let Ok(csp) = HeaderValue::from_str(&csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "fout": self.message });
        (self.status, axum::Json(body)).into_response()
    }
}

/// An error for a plain form post: a small Dutch page with a way back.
struct PageError {
    error: ApiError,
    back: Option<String>,
    nonce: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let html = page::error_page(&self.error.message, self.back.as_deref(), &self.nonce);
        (self.error.status, Html(html)).into_response()
    }
}

fn body_error(rejection: &BytesRejection) -> ApiError {
    body_status_error(rejection.status())
}

fn body_status_error(status: StatusCode) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(
            status,
            format!(
                "Het verzoek is te groot: hoogstens {} KB.",
                MAX_BODY_BYTES / 1024
            ),
        )
    } else {
        ApiError::bad("Het verzoek kon niet gelezen worden: stuur een JSON-object.")
    }
}

fn check_token(shared: &Shared, token: &str) -> Result<(), ApiError> {
    if shared.token_matches(token) {
        Ok(())
    } else {
        Err(ApiError::not_found())
    }
}

/// The participant token: the X-Participant header, else the cookie.
fn participant_token(headers: &HeaderMap) -> Option<String> {
    if let Some(value) = headers.get("x-participant") {
        return value.to_str().ok().map(|v| v.trim().to_owned());
    }
    cookie_token(headers)
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned())
}

fn set_cookie(shared: &Shared, participant: &str) -> (header::HeaderName, String) {
    (
        header::SET_COOKIE,
        format!(
            "{COOKIE}={participant}; Path=/w/{}; Max-Age=86400; HttpOnly; SameSite=Strict",
            shared.token
        ),
    )
}

fn see_other(location: String) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

/// `text` percent-encoded for a URL path segment or fragment.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

async fn not_found(request: Request) -> Response {
    if request.uri().path().contains("/api/") {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "Deze pagina of API-route bestaat niet.",
        )
        .into_response()
    } else {
        let nonce = request
            .extensions()
            .get::<Nonce>()
            .map(|n| n.0.clone())
            .unwrap_or_default();
        PageError {
            error: ApiError::new(
                StatusCode::NOT_FOUND,
                "Deze pagina bestaat niet. Controleer de link of scan de QR-code opnieuw.",
            ),
            back: None,
            nonce,
        }
        .into_response()
    }
}

// --- The pages -----------------------------------------------------------------------

async fn code_page(Extension(nonce): Extension<Nonce>) -> Response {
    Html(page::code_page(None, &nonce.0)).into_response()
}

async fn code_submit(
    State(shared): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Extension(nonce): Extension<Nonce>,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    let code = form
        .as_ref()
        .ok()
        .and_then(|f| f.get("code").cloned())
        .unwrap_or_default();
    match shared.check_code(peer.ip(), &code) {
        Ok(()) => see_other(format!("/w/{}", shared.token)),
        Err(CodeRefusal::Wrong { left }) => {
            let message = format!(
                "Deze code klopt niet. Kijk goed op het scherm van de begeleider; je kunt het \
                 nog {left} keer proberen."
            );
            (
                StatusCode::BAD_REQUEST,
                Html(page::code_page(Some(&message), &nonce.0)),
            )
                .into_response()
        }
        Err(CodeRefusal::Paused) => {
            let message = "Te veel verkeerde codes. Wacht een minuut en probeer het dan opnieuw, \
                           of scan de QR-code.";
            (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::RETRY_AFTER, "60")],
                Html(page::code_page(Some(message), &nonce.0)),
            )
                .into_response()
        }
    }
}

async fn participant_page(
    State(shared): State<AppState>,
    Path(token): Path<String>,
    Extension(nonce): Extension<Nonce>,
    headers: HeaderMap,
) -> Response {
    if let Err(error) = check_token(&shared, &token) {
        return PageError {
            error,
            back: None,
            nonce: nonce.0,
        }
        .into_response();
    }
    let participant = cookie_token(&headers);
    let html = page::participant_page(&shared, participant.as_deref(), &nonce.0);
    Html(html).into_response()
}

fn form_error(shared: &Shared, error: ApiError, anchor: &str, nonce: Nonce) -> Response {
    PageError {
        error,
        back: Some(format!("/w/{}{anchor}", shared.token)),
        nonce: nonce.0,
    }
    .into_response()
}

fn form_fields(
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Result<HashMap<String, String>, ApiError> {
    form.map(|Form(f)| f).map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            body_status_error(e.status())
        } else {
            ApiError::bad("Het formulier kon niet gelezen worden. Laad de pagina opnieuw.")
        }
    })
}

async fn form_join(
    State(shared): State<AppState>,
    Path(token): Path<String>,
    Extension(nonce): Extension<Nonce>,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    if let Err(error) = check_token(&shared, &token) {
        return error.into_response();
    }
    let result = form_fields(form).and_then(|f| shared.join(f.get("name").map(String::as_str)));
    match result {
        Ok((_, participant)) => {
            let mut response = see_other(format!("/w/{}", shared.token));
            let (name, value) = set_cookie(&shared, &participant);
            if let Ok(value) = HeaderValue::from_str(&value) {
                response.headers_mut().insert(name, value);
            }
            response
        }
        Err(error) => form_error(&shared, error, "", nonce),
    }
}

async fn form_answer(
    State(shared): State<AppState>,
    Path(token): Path<String>,
    Extension(nonce): Extension<Nonce>,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    if let Err(error) = check_token(&shared, &token) {
        return error.into_response();
    }
    let participant = cookie_token(&headers);
    let mut item = String::new();
    let result = form_fields(form).and_then(|f| {
        item = f.get("item").cloned().unwrap_or_default();
        let raw = RawAnswer::from_form(&f)?;
        shared.answer(participant.as_deref(), &item, raw)
    });
    let anchor = format!("#i-{}", encode(&item));
    match result {
        Ok(()) => see_other(format!("/w/{}{anchor}", shared.token)),
        Err(error) => form_error(&shared, error, &anchor, nonce),
    }
}

async fn form_warmup(
    State(shared): State<AppState>,
    Path(token): Path<String>,
    Extension(nonce): Extension<Nonce>,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    if let Err(error) = check_token(&shared, &token) {
        return error.into_response();
    }
    let participant = cookie_token(&headers);
    let result = form_fields(form).and_then(|f| {
        let n = f.get("n").map(String::as_str).unwrap_or("");
        let vote = f.get("vote").map(String::as_str).unwrap_or("");
        shared.vote(participant.as_deref(), n, vote)
    });
    match result {
        Ok(()) => see_other(format!("/w/{}#opwarmer", shared.token)),
        Err(error) => form_error(&shared, error, "#opwarmer", nonce),
    }
}

async fn form_done(
    State(shared): State<AppState>,
    Path(token): Path<String>,
    Extension(nonce): Extension<Nonce>,
    headers: HeaderMap,
) -> Response {
    if let Err(error) = check_token(&shared, &token) {
        return error.into_response();
    }
    match shared.done(cookie_token(&headers).as_deref()) {
        Ok(()) => see_other(format!("/w/{}#klaar", shared.token)),
        Err(error) => form_error(&shared, error, "#klaar", nonce),
    }
}

// --- The JSON API --------------------------------------------------------------------

async fn api_join(
    State(shared): State<AppState>,
    Path(token): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    check_token(&shared, &token)?;
    let body = body.map_err(|e| body_error(&e))?;
    let name = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        let map: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&body)
            .map_err(|e| {
                ApiError::bad(format!(
                    "De inhoud is geen geldig JSON-object ({}): stuur {{\"name\": \"je naam\"}}.",
                    json_position(&e)
                ))
            })?;
        match map.get("name") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(name)) => Some(name.clone()),
            Some(_) => return Err(ApiError::bad("Het veld \"name\" moet tekst zijn.")),
        }
    };
    let (id, participant) = shared.join(name.as_deref())?;
    let body = serde_json::json!({ "participant": participant, "id": id });
    Ok((
        StatusCode::OK,
        [set_cookie(&shared, &participant)],
        axum::Json(body),
    )
        .into_response())
}

async fn api_questionnaire(
    State(shared): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    check_token(&shared, &token)?;
    Ok(axum::Json(&shared.questionnaire).into_response())
}

async fn api_me(
    State(shared): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    check_token(&shared, &token)?;
    let participant = participant_token(&headers);
    let inner = shared.lock();
    let me = page::me_view(&shared, inner.participant(participant.as_deref())?);
    Ok(axum::Json(me).into_response())
}

async fn api_state(
    State(shared): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    check_token(&shared, &token)?;
    let inner = shared.lock();
    let revealed = inner.phase == super::WarmupPhase::Revealed;
    let view = StateView {
        version: inner.version,
        open: inner.open,
        warmup: inner.phase,
        definitions: shared
            .questionnaire
            .warmup
            .as_ref()
            .filter(|_| revealed)
            .map(|w| w.definitions.as_slice()),
        results: inner.results.as_ref(),
    };
    Ok(axum::Json(view).into_response())
}

async fn api_answer(
    State(shared): State<AppState>,
    Path((token, item)): Path<(String, String)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, ApiError> {
    check_token(&shared, &token)?;
    let body = body.map_err(|e| body_error(&e))?;
    let participant = participant_token(&headers);
    // Who asks comes before what they send: a stranger learns nothing about the items.
    shared.lock().participant(participant.as_deref())?;
    let raw = RawAnswer::from_json(&body)?;
    shared.answer(participant.as_deref(), &item, raw)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn api_clear(
    State(shared): State<AppState>,
    Path((token, item)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    check_token(&shared, &token)?;
    let participant = participant_token(&headers);
    shared.lock().participant(participant.as_deref())?;
    shared.answer(participant.as_deref(), &item, RawAnswer::Clear)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn api_warmup(
    State(shared): State<AppState>,
    Path((token, n)): Path<(String, String)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, ApiError> {
    check_token(&shared, &token)?;
    let body = body.map_err(|e| body_error(&e))?;
    let participant = participant_token(&headers);
    shared.lock().participant(participant.as_deref())?;
    let map: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&body).map_err(|e| {
            ApiError::bad(format!(
                "De inhoud is geen geldig JSON-object ({}): stuur {{\"vote\": \"klacht\"}} of \
                 {{\"vote\": \"geen_klacht\"}}.",
                json_position(&e)
            ))
        })?;
    let vote = match map.get("vote") {
        Some(serde_json::Value::String(vote)) => vote.as_str(),
        _ => {
            return Err(ApiError::bad(
                "Geef je stem in het veld \"vote\": \"klacht\" of \"geen_klacht\".",
            ));
        }
    };
    shared.vote(participant.as_deref(), &n, vote)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn api_done(
    State(shared): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    check_token(&shared, &token)?;
    shared.done(participant_token(&headers).as_deref())?;
    Ok(StatusCode::NO_CONTENT)
}
