/**
 * Causes at the ingress controller and its upstreams: DNS under hostNetwork, TLS ciphers,
 * liveness restarts, 5xx from the backends, stray traffic. One block per cause, in catalog
 * order: title, why, risk, the rule's `verdict` texts and its fix comments.
 */
export default {
  cause: {
    'ingress-hostnetwork-dns': {
      title: 'hostNetwork ingress controller cannot resolve cluster names',
      why: "A pod with hostNetwork: true gets the node's /etc/resolv.conf unless its dnsPolicy is ClusterFirstWithHostNet; ClusterFirst then silently means the node's DNS. An ingress-nginx replica running like this cannot resolve cluster names (kubernetes.default, ExternalName backends) and stops updating its upstreams, so only the requests it serves fail.",
      risk: 'Low: the patch rolls the controller pods one by one; each replica is out of service while it restarts.',
      verdict: {
        clusterFirst:
          "{{name}} runs with hostNetwork: true and dnsPolicy {{policy}}: it uses the node's resolver and cannot resolve cluster names.",
        defaultPolicy:
          "{{name}} runs with hostNetwork: true and no dnsPolicy (ClusterFirst by default): it uses the node's resolver and cannot resolve cluster names.",
        fragment:
          "The pod spec pasted beside the controller's log runs with hostNetwork: true and dnsPolicy {{policy}}: the controller uses the node's resolver and cannot resolve cluster names.",
        withHostNet: 'The controller runs with hostNetwork and dnsPolicy ClusterFirstWithHostNet.',
        noHostNetwork: 'The controller does not run with hostNetwork: it uses the cluster DNS.',
        logOnly:
          'The controller fails to resolve names; paste its pod spec to see whether hostNetwork without ClusterFirstWithHostNet is why.',
      },
      fix: {
        rollout: 'the controller pods restart one by one with the new policy',
        helm: 'with the Helm chart: controller.hostNetwork=true and controller.dnsPolicy=ClusterFirstWithHostNet',
        verify: 'must show the cluster DNS (nameserver = the kube-dns ClusterIP)',
      },
    },
    'ingress-http2-bad-ciphers': {
      title: 'Custom TLS ciphers break HTTP/2',
      why: "HTTP/2 over TLS 1.2 needs an ephemeral key exchange (ECDHE/DHE) with an AEAD cipher (GCM, ChaCha20); RFC 7540 lists the rest (AES128-SHA and the like) as forbidden. ingress-nginx prefers the server's cipher order and turns HTTP/2 on by default, so a custom ssl-ciphers that starts with such a suite makes the browser refuse the site (ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY) while curl over HTTP/1.1 still works.",
      risk: 'Low: the defaults are what current browsers expect. Very old clients that only spoke SSLv3/TLS 1.0 ciphers lose access; disabling HTTP/2 instead keeps them but drops HTTP/2 for everyone.',
      verdict: {
        why: 'The cipher list starts with {{cipher}}, which HTTP/2 forbids (no ECDHE/DHE or no AEAD): the server picks it and browsers refuse the HTTP/2 connection.',
        negotiated:
          'The client got HTTP/2 over {{cipher}}, a cipher HTTP/2 forbids: browsers refuse this connection.',
        browserOnly:
          'The browser refused HTTP/2 because of the TLS settings (INADEQUATE_TRANSPORT_SECURITY): paste the ssl-ciphers setting to see which cipher it got.',
        http2Off: 'HTTP/2 is off (use-http2: false), so the cipher order cannot break it.',
        goServerOrder:
          'The server (Go: Traefik or similar) refuses its own cipher list: an HTTP/2-approved suite ({{detail}}) comes after suites HTTP/2 forbids, so clients may get a forbidden one and reject the connection. Put the ECDHE GCM/ChaCha20 suites first, or drop the custom list.',
        goServerMissing:
          'The server (Go: Traefik or similar) refuses its own cipher list: it lacks {{detail}}, which HTTP/2 over TLS 1.2 requires (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 or its ECDSA twin). Add it, or drop the custom list.',
        goodFirst: 'The cipher list starts with {{cipher}}, an HTTP/2-safe suite.',
        browserGoodFirst:
          'The browser refused HTTP/2 because of the TLS settings (INADEQUATE_TRANSPORT_SECURITY), although the cipher list shown starts with {{cipher}}, an HTTP/2-safe suite: the list in effect is another one (another server block or annotation, a cut-off paste), or that suite cannot be used (an ECDSA suite with an RSA certificate, no ECDH curve) and the server falls to a forbidden suite further down. Keep only ECDHE suites with GCM/ChaCha20, or restore the defaults.',
        policy:
          'The {{product}} allows TLS up to {{max}} only and its cipher list starts with {{cipher}}, which HTTP/2 forbids: the gateway picks it and browsers refuse the HTTP/2 connection. Allow TLS 1.3, or put ECDHE suites with GCM/ChaCha20 first.',
        policyNoneOk:
          'The {{product}} allows TLS up to {{max}} only and lists no cipher HTTP/2 accepts (ECDHE with GCM or ChaCha20): HTTP/2 cannot work. Allow TLS 1.3, or add such a suite.',
        policyOk: 'The {{product}} cipher list gives {{cipher}}, an HTTP/2-safe suite.',
        tls13Default:
          'The {{product}} sets no maximum TLS version, so TLS 1.3 is allowed: browsers negotiate it, and the TLS 1.2 cipher list cannot break HTTP/2.',
        tls13:
          'TLS 1.3 is allowed ({{setting}}): browsers negotiate it, so the TLS 1.2 cipher list cannot break HTTP/2.',
        negotiatedOk: 'The client negotiated {{cipher}}, which HTTP/2 accepts.',
        defaultCiphers:
          "The settings do not change ssl-ciphers: the controller's default ciphers are HTTP/2-safe.",
      },
      fix: {
        restore: "restore the controller's default ciphers (they are HTTP/2-safe):",
        orDisable: 'or, if the old ciphers must stay, turn HTTP/2 off instead:',
        persist:
          "keep it in the controller's Helm values (controller.config) or the ConfigMap manifest in Git",
        verify: 'must show an ECDHE/AEAD cipher (or TLSv1.3) and ALPN h2',
        rollback: 'put the old ssl-ciphers value back (kept in Git or the Helm values):',
        istio:
          "in the Gateway server's tls: remove maxProtocolVersion (or set it to TLSV1_3) so browsers negotiate TLS 1.3, or list ECDHE-…-GCM/CHACHA20 suites first in cipherSuites:",
        envoyGateway:
          'allow TLS 1.3 again: remove maxVersion from the ClientTrafficPolicy (or list ECDHE GCM/ChaCha20 suites first in tls.ciphers):',
        traefik:
          'in the TLSOption (or tls.options in the file provider): remove maxVersion, or add TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 / TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 to cipherSuites (HTTP/2 requires one):',
        contour:
          'allow TLS 1.3 again: remove envoy.tls.maximumProtocolVersion from the ContourConfiguration (or list ECDHE GCM/ChaCha20 suites first in cipherSuites):',
        persistGateway:
          'make the same change in the manifest or Helm values the object comes from (Git), or the next sync puts the old TLS settings back',
        goServer:
          "reorder the server's own cipher list (Traefik: cipherSuites of the TLSOption or of tls.options in the file provider; another Go server: its TLS cipher setting): ECDHE suites with GCM/ChaCha20 first, or drop the list to use Go's defaults, then restart it",
        persistGo:
          "keep the change in the server's configuration file or manifest under version control",
        rollbackGo: "put the old cipher list back in the server's configuration and restart it",
        rollbackGateway: 'put the old TLS settings back (kept in Git or the Helm values):',
      },
    },
    'ingress-liveness-restarts': {
      title: 'The ingress controller is restarted by its liveness probe',
      why: 'The kubelet restarts the controller when GET /healthz on 10254 fails failureThreshold times in a row (timeout 1 s by default). Under packet loss on its node, often a full conntrack table, the probe fails although nginx is fine; each restart drops every connection through that replica, and the entry point flaps.',
      risk: 'Low: a higher threshold and timeout only make the kubelet slower to restart a controller that is really stuck. Fix the packet loss underneath as well.',
      verdict: {
        restarted:
          'The kubelet restarts the controller because its liveness probe fails ({{n}} failure(s), restart count {{restarts}}).',
        failing:
          "The controller's liveness probe fails ({{n}} time(s)); a few more in a row and the kubelet restarts it.",
        restartsOnly:
          'The controller has restarted {{restarts}} time(s); its events would tell whether the liveness probe is why.',
        climbing: "The controller's restart count grows between the pastes (now {{restarts}}).",
        noRestarts: 'The controller has not restarted.',
      },
      fix: {
        cause:
          'the probe fails because packets are lost on the node: find out why (often conntrack table full)',
        onNode: "run it on the controller's node",
        threshold: 'meanwhile, be more patient before a restart:',
        helm: 'with the Helm chart: controller.livenessProbe.failureThreshold and timeoutSeconds',
        verify: 'the RESTARTS column must stop growing',
      },
    },
    'upstream-no-endpoints': {
      title: 'The backend Service has no ready endpoints (503)',
      why: "ingress-nginx sends requests to the pod IPs of the backend Service's endpoints. When the Service has none ready (selector that matches no pod, pods failing readiness, a port name that does not match), nginx has nowhere to go and answers 503.",
      risk: 'Low: the fix is in the Service selector, the pod labels or the readiness probe; the controller picks endpoints up by itself.',
      verdict: {
        controller:
          'The controller has no active endpoint for Service {{service}}: nginx has no pod to send the request to (503).',
        placeholder:
          'nginx tried 127.0.0.1:8181, the address the controller writes into an upstream that has no endpoints: the backend Service had no ready endpoint (nothing listens there, hence the refused connect and the 502/503).',
        noLive: 'nginx found no live upstream: no endpoint of the backend was available (503).',
        accessAndEndpoints:
          'The 503s go to the backend of {{service}}, whose endpoints are <none>.',
        endpointsOnly:
          '{{n}} Service(s), {{service}} among them, have no endpoints: if one is the Ingress backend, it answers 503.',
        triedPods: 'nginx had pod addresses to try: the backend Service had endpoints.',
        noLiveLocal:
          "nginx's upstream {{upstream}} is a plain nginx group of processes on its own host, not a Service's pods: 'no live upstreams' means nginx marked its servers failed after errors connecting to them (look at the errors before it, e.g. SELinux `13: Permission denied`), not that a Service has no endpoints.",
        noLiveAfterFailures:
          "'no live upstreams' follows nginx's own failed connect to {{failed}}: nginx marked the servers it had as failed. The group was not empty; the earlier error is the cause.",
        endpointsReady: 'Service {{service}} has ready endpoints.',
        controllerDisagrees:
          "The controller says Service {{service}} has no active endpoint, but its Endpoints list ready addresses ({{addresses}}): the Service has endpoints, the controller does not match them to the Ingress backend. Check that the port the Ingress names is one of the Service's ports (name or number), look for a named targetPort on an old controller, and restart the controller if its view is stale.",
      },
      fix: {
        selector: 'the selector must match the labels of ready pods:',
        ready: 'pods that match but are not ready: why do their readiness probes fail?',
        persist: 'fix the selector or the labels in the manifests in Git, or the readiness probe',
        verify: 'must list pod addresses',
        rollback: 'nothing to roll back: the controller follows the endpoints',
      },
    },
    'upstream-timeout': {
      title: 'The upstream pod does not answer in time (504)',
      why: 'nginx answers 504 when the pod does not answer in time. "while connecting to upstream" means the SYN got no answer within proxy-connect-timeout (5 s): the pod network between the controller\'s node and the pod is at fault (CNI, MTU, conntrack, a dead node). "while reading response header" means the pod accepted but stayed silent past proxy-read-timeout (60 s): the application is slow.',
      risk: 'Low: a longer proxy-read-timeout only lets slow requests finish; it hides a slow application rather than fixing it, and holds more connections open.',
      verdict: {
        connect:
          'The ingress proxy timed out {{n}} time(s) connecting to the pod ({{upstream}}): its SYN got no answer, so the network between the proxy and the pod is broken.',
        read: 'The ingress proxy timed out {{n}} time(s) waiting for the pod ({{upstream}}) to answer: the pod accepted the connection but was slower than the read timeout (proxy-read-timeout).',
        accessConnect:
          '{{n}} request(s) ended in 504 after about 5 s per attempt, the connect timeout: nginx could not reach the pod.',
        access: '{{n}} request(s) ended in 504: nginx gave up waiting for the pod.',
        otherErrors: 'The upstream errors in this log are {{kinds}}, not timeouts.',
        none: 'No request in this log timed out (no 504, no "upstream timed out").',
      },
      fix: {
        connecting:
          '"while connecting": does the pod answer from the controller\'s node? a timeout here is the pod network (CNI, MTU, conntrack):',
        reading:
          '"while reading response header": the app is slow; give it more time while it is fixed:',
        persistConnect:
          'connecting: fix the pod network path (the clusterip-ipvs-timeout and pod-external-intermittent checks walk it)',
        persistRead:
          'reading: fix the slow endpoint; keep the longer timeout in its manifest in Git (the Ingress annotation, the VirtualService, the ServersTransport)',
        readingEnvoy:
          'Istio: set timeout (e.g. 120s) on the VirtualService route of this host (kubectl edit virtualservice NAME); without one, the route has no timeout and the 504 comes from elsewhere:',
        readingTraefik:
          "Traefik: raise forwardingTimeouts.responseHeaderTimeout in the ServersTransport this Service uses (or the default one, in Traefik's static configuration):",
        rollbackEdit: 'put back the value you changed, as it is in Git, in the object you edited',
        verify: 'must stay 0',
      },
    },
    'upstream-refused': {
      title: 'The upstream pod refuses the connection (502)',
      why: "nginx answers 502 when the pod's address answers the connection with a reset: the pod is there but nothing listens on the port. Usually the Service's targetPort does not match the container port, the application listens on 127.0.0.1 only, or the pod is restarting.",
      risk: "Medium: changing the Service's targetPort affects every client of the Service at once; check the container port first.",
      verdict: {
        why: "The pod refused the ingress proxy's connection {{n}} time(s) ({{upstream}}): nothing listens on the targetPort (wrong port, app not up, pod restarting).",
        access:
          '{{n}} request(s) ended in 502 with every attempt failing at once, as refused connections do; the error log tells for sure.',
        otherErrors: 'The upstream errors in this log are {{kinds}}, not refused connections.',
        none: 'No connection in this log was refused.',
      },
      fix: {
        who: 'which pod is it, and is it running and ready?',
        ports: "the Service's targetPort must be a port the container listens on:",
        targetPort:
          'point targetPort at the container port (or a named port), in the manifest in Git as well:',
        readiness:
          'and give the pod a readiness probe on that port, so it gets traffic only once it listens',
        verify: 'must stay 0',
        rollback: 'patch targetPort back to its old value the same way',
      },
    },
    'ingress-stray-traffic': {
      title: 'Stray traffic to abandoned domains piles up half-open connections',
      why: 'Domains that were dropped but still resolve, through a wildcard DNS record, to the ingress bring clients that cannot complete a connection (firewalls, bad networks). They leave SYN_RECV, FIN_WAIT and LAST_ACK entries piling up in conntrack and in the socket table, eating capacity that real traffic needs.',
      risk: 'Low: nginx closes connections for those host names at once (444); make sure no live site is matched by the server_name list.',
      verdict: {
        halfOpen:
          '{{halfOpen}} of {{total}} tracked connections or sockets are half-open (SYN_RECV, FIN_WAIT, LAST_ACK): clients that never finish their handshakes or closes.',
        strayHosts:
          '{{stray}} of {{requests}} requests went to hosts no Ingress serves (the default backend answered them).',
        fewHalfOpen: 'Only {{halfOpen}} of {{total}} tracked connections or sockets are half-open.',
      },
      fix: {
        hosts: 'which hosts does the default backend answer?',
        catchAll:
          'close connections for the abandoned domains at once (444); this replaces any http-snippet you already have:',
        dns: 'lasting fix: remove the wildcard DNS record that still sends those domains to the ingress',
        verify: 'must end with "Empty reply from server"',
      },
    },
    'ingress-upstream-keepalive-mismatch': {
      title: 'Backend closes keepalive connections before nginx reuses them',
      why: 'nginx keeps idle connections to the pods and reuses them for upstream-keepalive-timeout (60 s by default). A backend that closes idle connections sooner (Node.js after 5 s, many app servers after 5-30 s) can close one just as nginx sends a request on it: "upstream prematurely closed connection while reading response header" and a 502, at random.',
      risk: "Low: a shorter upstream keepalive only opens new connections to the pods a little more often. Raising the backend's keepalive timeout above nginx's works as well.",
      verdict: {
        premature:
          'The backend closed {{n}} connection(s) before answering ("prematurely closed ... while reading response header"): it drops idle keepalive connections sooner than nginx stops reusing them ({{timeout}}).',
        proxy:
          'The backend closed {{n}} connection(s) before answering (Envoy `UC` / "connection termination", Traefik `EOF`): it drops idle keepalive connections sooner than the proxy stops reusing them (Envoy and Istio keep them for 1 h unless a DestinationRule sets idleTimeout).',
        reset:
          "The backend reset {{n}} connection(s) nginx was reusing; that can be a keepalive timeout shorter than nginx's ({{timeout}}).",
        noPool:
          'upstream-keepalive-connections is 0: nginx does not reuse connections to the pods.',
        otherErrors:
          'The upstream errors in this log are {{kinds}}, not closed keepalive connections.',
        unpooledProtocol:
          'The {{n}} closed connection(s) were nginx speaking {{protocol}} to the backend: nginx opens a new connection for every {{protocol}} request and keeps none idle, so no stale keepalive connection was reused. The backend closed a connection it had just accepted: read its own log (a worker killed by its request timeout, a crash, a full listen queue, an application that failed to load).',
        busyConnection:
          'Each of the {{n}} premature close(s) came at least {{seconds}} s into its request: the backend (or something between it and the proxy) cut a request it was working on, for instance at its own request or idle timeout, or by crashing. A stale keepalive connection fails at once, when the request is written on it. Look at what limits a request to about that long in the application and in any proxy in front of it.',
        freshConnection:
          "Each of the {{n}} failing requests is a GET (or another request nginx retries) answered 502 after a single premature close. nginx tries once more when a reused keepalive connection fails, so these failed on new connections: the backend closes those too, which no idle timeout explains. Check that the Ingress speaks the backend's protocol (annotation nginx.ingress.kubernetes.io/backend-protocol: HTTPS or GRPC for a TLS or gRPC port), then read the application's log.",
      },
      fix: {
        backend:
          'best: make the backend keep idle connections longer than the proxy does (ingress-nginx 60 s, Traefik 90 s, Envoy 1 h), e.g. Node.js server.keepAliveTimeout above that',
        lower: 'or make nginx drop idle upstream connections before the backend does (seconds):',
        lowerEnvoy:
          "or make Envoy drop idle upstream connections first: trafficPolicy.connectionPool.http.idleTimeout below the backend's keepalive, in the DestinationRule of this host:",
        lowerTraefik:
          "or make Traefik drop idle upstream connections first: forwardingTimeouts.idleConnTimeout below the backend's keepalive, in the ServersTransport this Service uses:",
        persist:
          "keep the value in Git: the controller's Helm values or ConfigMap (ingress-nginx), the DestinationRule (Istio), the ServersTransport (Traefik)",
        rollbackEdit: 'put back the value you changed, as it is in Git, in the object you edited',
        verify: 'must stay 0',
      },
    },
    'ingress-upstream-header-too-big': {
      title: 'Backend response headers exceed the proxy buffer',
      why: 'nginx reads the backend\'s response headers into one buffer of proxy-buffer-size (4k or 8k by default). Big cookies, long redirect URLs or auth tokens overflow it: nginx logs "upstream sent too big header" and answers 502.',
      risk: 'Low: a bigger buffer costs a little memory per connection.',
      verdict: {
        why: 'The backend sent response headers larger than proxy-buffer-size ({{size}}) {{n}} time(s): nginx answers 502.',
        otherErrors: 'The upstream errors in this log are {{kinds}}, not oversized headers.',
      },
      fix: {
        annotate: 'for the Ingress of that backend:',
        global: "or for every Ingress, in the controller's ConfigMap:",
        measure: 'size of the response headers in bytes',
      },
    },
  },
};
