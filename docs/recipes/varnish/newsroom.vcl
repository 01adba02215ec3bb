vcl 4.1;
#
# Varnish 7 in front of Strapi with strapi-plugin-newsroom (tested with Debian's varnish 7.1
# and varnish-modules 0.20 by tests/integration/varnish.test.ts).
#
# - Caches the public newsroom routes (/api/newsroom/...), each filed under the story keys of
#   its Surrogate-Key header (xkey), for a day: freshness comes from purges, not from expiry.
# - Purges by key: `PURGE /` with an `xkey-purge: nr-a-... nr-list` header, sent by the
#   receiver of the newsroom.invalidate webhook (../purge-receiver.js).
# - Passes everything else: the admin, previews, drafts, anything with credentials.
#
# Set the backend to your Strapi (or its load balancer), and the purgers ACL to the hosts
# your purge receiver runs on.

import xkey;

backend strapi {
  .host = "127.0.0.1";
  .port = "1337";
}

acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Not allowed"));
    }
    if (!req.http.xkey-purge) {
      return (synth(400, "An xkey-purge header is required"));
    }
    # A hard purge: the objects go at once, none is served stale while it refetches.
    set req.http.n-gone = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged " + req.http.n-gone));
  }
  if ((req.method != "GET" && req.method != "HEAD") ||
      req.url !~ "^/api/newsroom/" ||
      req.url ~ "^/api/newsroom/articles/[^/?]+/preview" ||
      req.url ~ "^/api/newsroom/events" ||
      req.http.Authorization) {
    return (pass);
  }
  # Readers' cookies do not change the public API's answers.
  unset req.http.Cookie;
  return (hash);
}

sub vcl_backend_response {
  # Only what the plugin files under keys is kept: 404s, errors and untagged answers are not,
  # so a story published after a 404 is found at once.
  if (beresp.status >= 400 || !beresp.http.Surrogate-Key ||
      beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
  }
  # xkey files the object under the keys of its xkey header (space-separated).
  set beresp.http.xkey = beresp.http.Surrogate-Key;
  set beresp.ttl = 24h;
  set beresp.grace = 0s;
  return (deliver);
}

sub vcl_deliver {
  unset resp.http.xkey;
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
}
