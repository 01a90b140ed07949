//! In-process request accounting: rate limits (token buckets per client address and per
//! credential), Prometheus metrics, and a short-lived cache of API-token lookups.
//!
//! These are per server process: behind a load balancer each process limits on its own
//! (docs/api.md). Login throttling, which must hold across processes, is in the database.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::repo::{ApiToken, User};

/// Token buckets: `rate` requests per second, bursts up to twice that.
#[derive(Default)]
pub struct Limiter {
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl Limiter {
    /// Takes one request from `key`'s bucket; `Err(seconds)` to wait when it is empty.
    pub fn check(&self, key: &str, rate: u32) -> Result<(), u64> {
        if rate == 0 {
            return Ok(());
        }
        let rate = f64::from(rate);
        let burst = rate * 2.0;
        let now = Instant::now();
        let mut buckets = self.buckets.lock().expect("limiter");
        if buckets.len() > 100_000 {
            // Forget idle clients rather than grow without bound.
            buckets.retain(|_, (_, at)| now.duration_since(*at) < Duration::from_secs(60));
        }
        let (tokens, at) = buckets.entry(key.to_string()).or_insert((burst, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * rate).min(burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Err(((1.0 - *tokens) / rate).ceil().max(1.0) as u64)
        }
    }
}

const BUCKETS: [f64; 12] = [
    0.000_5, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

#[derive(Default)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

/// Request counts by route and status, and a latency histogram by route.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<HashMap<(String, u16), u64>>,
    latency: Mutex<HashMap<String, Series>>,
    events: Mutex<HashMap<(String, String), u64>>,
    webhook_rejections: Mutex<HashMap<(String, String), u64>>,
    connections_refused: std::sync::atomic::AtomicU64,
}

impl Metrics {
    /// Records one request.
    pub fn observe(&self, route: &str, status: u16, elapsed: Duration) {
        *self
            .requests
            .lock()
            .expect("metrics")
            .entry((route.to_string(), status))
            .or_default() += 1;
        let secs = elapsed.as_secs_f64();
        let mut lat = self.latency.lock().expect("metrics");
        let s = lat.entry(route.to_string()).or_default();
        s.count += 1;
        s.sum += secs;
        for (i, le) in BUCKETS.iter().enumerate() {
            if secs <= *le {
                s.buckets[i] += 1;
            }
        }
    }

    /// Records a sync event (webhook, push, pull).
    pub fn event(&self, trigger: &str, status: &str) {
        *self
            .events
            .lock()
            .expect("metrics")
            .entry((trigger.to_string(), status.to_string()))
            .or_default() += 1;
    }

    /// Records a refused webhook call (nothing is stored for it).
    pub fn webhook_rejected(&self, provider: &str, reason: &str) {
        *self
            .webhook_rejections
            .lock()
            .expect("metrics")
            .entry((provider.to_string(), reason.to_string()))
            .or_default() += 1;
    }

    /// Records a connection refused at the connection limit.
    pub fn connection_refused(&self) {
        self.connections_refused
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// The Prometheus text exposition.
    pub fn render(&self, uptime: Duration) -> String {
        let mut out = String::new();
        out.push_str("# HELP opends_http_requests_total HTTP requests by route and status.\n# TYPE opends_http_requests_total counter\n");
        let mut reqs: Vec<_> = self
            .requests
            .lock()
            .expect("metrics")
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        reqs.sort();
        for ((route, status), n) in reqs {
            let _ = writeln!(
                out,
                "opends_http_requests_total{{route=\"{}\",status=\"{status}\"}} {n}",
                escape(&route)
            );
        }
        out.push_str("# HELP opends_http_request_duration_seconds Request latency by route.\n# TYPE opends_http_request_duration_seconds histogram\n");
        let lat = self.latency.lock().expect("metrics");
        let mut routes: Vec<&String> = lat.keys().collect();
        routes.sort();
        for route in routes {
            let s = &lat[route];
            let r = escape(route);
            for (i, le) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "opends_http_request_duration_seconds_bucket{{route=\"{r}\",le=\"{le}\"}} {}",
                    s.buckets[i]
                );
            }
            let _ = writeln!(
                out,
                "opends_http_request_duration_seconds_bucket{{route=\"{r}\",le=\"+Inf\"}} {}\nopends_http_request_duration_seconds_sum{{route=\"{r}\"}} {}\nopends_http_request_duration_seconds_count{{route=\"{r}\"}} {}",
                s.count, s.sum, s.count
            );
        }
        out.push_str("# HELP opends_sync_events_total Sync events (webhooks, pushes) by trigger and status.\n# TYPE opends_sync_events_total counter\n");
        let mut events: Vec<_> = self
            .events
            .lock()
            .expect("metrics")
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        events.sort();
        for ((trigger, status), n) in events {
            let _ = writeln!(
                out,
                "opends_sync_events_total{{trigger=\"{}\",status=\"{}\"}} {n}",
                escape(&trigger),
                escape(&status)
            );
        }
        out.push_str("# HELP opends_webhook_rejections_total Webhook calls refused (not stored) by provider and reason.\n# TYPE opends_webhook_rejections_total counter\n");
        let mut rejected: Vec<_> = self
            .webhook_rejections
            .lock()
            .expect("metrics")
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        rejected.sort();
        for ((provider, reason), n) in rejected {
            let _ = writeln!(
                out,
                "opends_webhook_rejections_total{{provider=\"{}\",reason=\"{}\"}} {n}",
                escape(&provider),
                escape(&reason)
            );
        }
        let _ = writeln!(
            out,
            "# HELP opends_connections_refused_total Connections refused at --max-connections.\n# TYPE opends_connections_refused_total counter\nopends_connections_refused_total {}",
            self.connections_refused
                .load(std::sync::atomic::Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "# HELP opends_uptime_seconds Seconds since the server started.\n# TYPE opends_uptime_seconds gauge\nopends_uptime_seconds {}",
            uptime.as_secs()
        );
        out
    }
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// How long a looked-up API token is trusted without asking the database again (a
/// revocation takes effect within this time).
pub const TOKEN_CACHE_TTL: Duration = Duration::from_secs(5);

/// How long a looked-up account (role, disabled) is trusted for access tokens without
/// asking the database again. Deleting an account through this server forgets it at
/// once; other servers, and changes made directly in the database, take effect within
/// this time.
pub const ACCOUNT_CACHE_TTL: Duration = Duration::from_secs(5);

/// Values by key with when they were looked up, trusted for a fixed time.
pub struct TtlCache<V> {
    ttl: Duration,
    map: Mutex<HashMap<String, (V, Instant)>>,
}

/// API tokens by hash.
pub type TokenCache = TtlCache<ApiToken>;
/// Accounts by user id.
pub type AccountCache = TtlCache<User>;

impl Default for TtlCache<ApiToken> {
    fn default() -> Self {
        Self::new(TOKEN_CACHE_TTL)
    }
}

impl Default for TtlCache<User> {
    fn default() -> Self {
        Self::new(ACCOUNT_CACHE_TTL)
    }
}

impl<V: Clone> TtlCache<V> {
    /// An empty cache whose entries live `ttl`.
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            map: Mutex::new(HashMap::new()),
        }
    }

    /// The cached value, if fresh.
    pub fn get(&self, key: &str) -> Option<V> {
        let map = self.map.lock().expect("cache");
        map.get(key)
            .filter(|(_, at)| at.elapsed() < self.ttl)
            .map(|(t, _)| t.clone())
    }

    /// Remembers a value.
    pub fn put(&self, key: String, value: V) {
        let mut map = self.map.lock().expect("cache");
        if map.len() > 10_000 {
            map.clear();
        }
        map.insert(key, (value, Instant::now()));
    }

    /// Forgets everything (after a revocation or account change on this server).
    pub fn clear(&self) {
        self.map.lock().expect("cache").clear();
    }
}

/// Rendered pages by query, valid for one revision.
#[derive(Default)]
pub struct PageCache {
    map: Mutex<HashMap<String, (i64, axum::body::Bytes)>>,
}

impl PageCache {
    /// The page for `key` rendered at `revision`.
    pub fn get(&self, key: &str, revision: i64) -> Option<axum::body::Bytes> {
        let map = self.map.lock().expect("cache");
        map.get(key)
            .filter(|(r, _)| *r == revision)
            .map(|(_, b)| b.clone())
    }

    /// Remembers a page.
    pub fn put(&self, key: String, revision: i64, body: axum::body::Bytes) {
        let mut map = self.map.lock().expect("cache");
        if map.len() > 1_000 {
            map.retain(|_, (r, _)| *r == revision);
            if map.len() > 1_000 {
                map.clear();
            }
        }
        map.insert(key, (revision, body));
    }
}

/// The design system's revision as this process last read it, so that a read does not
/// ask the database for it each time. It is read again when older than
/// [`RevisionCache::MAX_AGE`] (a write by another server process, on the same SQLite file
/// or PostgreSQL, is seen within that time) and at once after a write by this process.
#[derive(Default)]
pub struct RevisionCache {
    /// The revision; valid once `read_at` is non-zero.
    value: AtomicI64,
    /// When it was read, in microseconds since `epoch` plus one (0: never, or dropped).
    read_at: AtomicU64,
    /// Bumped by every write: a read that began before a write does not store its value
    /// as fresh.
    writes: AtomicU64,
    epoch: std::sync::OnceLock<Instant>,
}

/// What [`RevisionCache::fresh`] found.
pub enum Cached {
    /// The revision, read recently.
    Fresh(i64),
    /// Read it: the ticket goes back with the value to [`RevisionCache::store`].
    Read(RevisionTicket),
}

/// A read of the revision that was begun (see [`Cached::Read`]).
pub struct RevisionTicket {
    writes: u64,
    at: u64,
}

impl RevisionCache {
    /// How long a revision read is trusted.
    pub const MAX_AGE: Duration = Duration::from_millis(50);

    fn now(&self) -> u64 {
        let epoch = self.epoch.get_or_init(Instant::now);
        u64::try_from(epoch.elapsed().as_micros())
            .unwrap_or(u64::MAX - 1)
            .saturating_add(1)
    }

    /// The revision when it was read less than [`Self::MAX_AGE`] ago and no write
    /// happened since; otherwise a ticket to read it.
    pub fn fresh(&self) -> Cached {
        let writes = self.writes.load(Ordering::Acquire);
        let read_at = self.read_at.load(Ordering::Acquire);
        let now = self.now();
        let max_age = u64::try_from(Self::MAX_AGE.as_micros()).unwrap_or(u64::MAX);
        if read_at != 0 && now.saturating_sub(read_at) < max_age {
            return Cached::Fresh(self.value.load(Ordering::Acquire));
        }
        Cached::Read(RevisionTicket { writes, at: now })
    }

    /// Keeps a revision read with `ticket`, unless a write happened since it began.
    pub fn store(&self, ticket: &RevisionTicket, revision: i64) {
        if self.writes.load(Ordering::Acquire) != ticket.writes {
            return;
        }
        self.value.store(revision, Ordering::Release);
        self.read_at.store(ticket.at, Ordering::Release);
        // A write that landed between the check and the stores drops it again.
        if self.writes.load(Ordering::Acquire) != ticket.writes {
            self.read_at.store(0, Ordering::Release);
        }
    }

    /// This process wrote (or tried to): the next read asks the database.
    pub fn written(&self) {
        self.writes.fetch_add(1, Ordering::AcqRel);
        self.read_at.store(0, Ordering::Release);
    }
}

#[cfg(test)]
mod revision_tests {
    use super::*;

    fn ticket(c: &RevisionCache) -> RevisionTicket {
        match c.fresh() {
            Cached::Read(t) => t,
            Cached::Fresh(r) => panic!("fresh {r} where a read was due"),
        }
    }

    #[test]
    fn a_revision_is_trusted_for_its_age_and_until_a_write() {
        let c = RevisionCache::default();
        let t = ticket(&c);
        c.store(&t, 7);
        assert!(matches!(c.fresh(), Cached::Fresh(7)));
        c.written();
        let t = ticket(&c);
        c.store(&t, 8);
        assert!(matches!(c.fresh(), Cached::Fresh(8)));
        std::thread::sleep(RevisionCache::MAX_AGE + Duration::from_millis(5));
        ticket(&c);
    }

    #[test]
    fn a_read_begun_before_a_write_is_not_kept() {
        let c = RevisionCache::default();
        let before = ticket(&c);
        c.written();
        c.store(&before, 3);
        ticket(&c);
    }
}
