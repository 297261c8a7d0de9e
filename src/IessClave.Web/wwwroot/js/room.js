// Built-in video room: WebRTC between the affiliate's and the agent's browsers, signalled over /hubs/sala.
// When both are in the room the server says PeerReady to both; each starts a fresh RTCPeerConnection and the
// agent makes the offer. Later changes ("Solo audio", ICE restarts) use perfect negotiation: the agent is the
// impolite peer, the affiliate the polite one that yields when two offers cross.
(function () {
    "use strict";
    var root = document.querySelector("[data-room]");
    if (!root) { return; }
    function $(selector) { return root.querySelector(selector); }
    var els = { status: $("[data-room-status]"), notice: $("[data-room-notice]"), local: $("[data-room-local]"), remote: $("[data-room-remote]") };
    function say(text) { els.status.textContent = text; }
    function note(text) { els.notice.textContent = text || ""; }
    if (typeof signalR === "undefined" || typeof RTCPeerConnection === "undefined" || !navigator.mediaDevices) {
        say("Tu navegador no permite videollamadas. Usa una versión reciente de Chrome, Firefox, Edge o Safari.");
        return;
    }

    var polite = root.dataset.role !== "Agent";
    var waiting = polite ? "Esperando a que entre el agente del IESS…" : "Esperando a que entre la persona afiliada…";
    var iceServers = JSON.parse(root.dataset.iceServers || "[]");
    // What the buttons (room-controls.js) show; changed() redraws them.
    var state = { audioOnly: false, finished: false, canComeBack: false, playBlocked: false };
    function changed() { if (window.iessRoom) { window.iessRoom.changed(); } }
    var local = new MediaStream();
    var pc = null, remote = null, makingOffer = false, ignoreOffer = false, chain = Promise.resolve();

    var connection = new signalR.HubConnectionBuilder()
        .withUrl(root.dataset.hub)
        .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 15000, 30000])
        .build();

    // Hub messages are handled one at a time, in order (an answer is applied before the candidates after it).
    function serial(handler) {
        return function () {
            var args = arguments;
            chain = chain.then(function () { return handler.apply(null, args); }).catch(function (e) { console.warn("sala:", e); });
        };
    }
    function send(method, arg) { return connection.invoke(method, arg); }

    async function getMedia() {
        try { return await navigator.mediaDevices.getUserMedia({ audio: true, video: true }); } catch (e) { /* try audio only */ }
        try {
            var audio = await navigator.mediaDevices.getUserMedia({ audio: true });
            note("No pudimos usar tu cámara: la llamada sigue solo con audio. Revisa el permiso de la cámara en tu navegador.");
            return audio;
        } catch (e) {
            note("No pudimos usar tu cámara ni tu micrófono: la otra persona no podrá verte ni escucharte. Revisa los permisos del navegador y vuelve a cargar la página.");
            return new MediaStream();
        }
    }

    function track(kind) { return (kind === "audio" ? local.getAudioTracks() : local.getVideoTracks())[0] || null; }

    // What each transceiver should send: our track (or nothing, still receiving), and no video at all in audio-only mode.
    function syncTransceivers(conn) {
        conn.getTransceivers().forEach(function (t) {
            if (t.currentDirection === "stopped") { return; }
            var kind = t.receiver.track.kind, mine = track(kind);
            var direction = kind === "video" && state.audioOnly ? "inactive" : (mine ? "sendrecv" : "recvonly");
            var wanted = direction === "inactive" ? null : mine;
            if (t.sender.track !== wanted) { t.sender.replaceTrack(wanted); }
            if (t.direction !== direction) { t.direction = direction; }
        });
    }

    function closePeer() {
        if (pc) {
            pc.onicecandidate = pc.ontrack = pc.onnegotiationneeded = pc.onconnectionstatechange = pc.onsignalingstatechange = null;
            pc.close();
            pc = null;
        }
        els.remote.srcObject = null;
        changed();
    }

    function newPeer() {
        closePeer();
        var conn = pc = new RTCPeerConnection({ iceServers: iceServers });
        remote = new MediaStream();
        makingOffer = ignoreOffer = false;
        conn.onicecandidate = function (e) {
            var c = e.candidate;
            if (!c || conn !== pc) { return; }
            send("IceCandidate", JSON.stringify({ candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex, usernameFragment: c.usernameFragment }))
                .catch(function () { /* a later offer or an ICE restart sends new candidates */ });
        };
        conn.ontrack = function (e) {
            remote.addTrack(e.track);
            els.remote.srcObject = remote;
            e.track.onmute = e.track.onunmute = changed;
            els.remote.play().then(function () { state.playBlocked = false; changed(); }, function () { state.playBlocked = true; changed(); });
        };
        conn.onnegotiationneeded = async function () {
            if (conn !== pc) { return; }
            try {
                makingOffer = true;
                await conn.setLocalDescription();
                await send("Offer", conn.localDescription.sdp);
            } catch (e) { console.warn("sala: offer", e); } finally { makingOffer = false; }
        };
        conn.onconnectionstatechange = function () {
            if (conn !== pc) { return; }
            if (conn.connectionState === "connected") { say("Llamada en curso."); }
            if (conn.connectionState === "disconnected") { say("La conexión con la otra persona se interrumpió. Intentando recuperarla…"); }
            if (conn.connectionState === "failed") {
                say("No se pudo mantener la conexión con la otra persona. Intentando otra vez…");
                if (!polite) { conn.restartIce(); }
            }
        };
        conn.onsignalingstatechange = changed;
        return conn;
    }

    function startCall() {
        var conn = newPeer();
        say("Conectando la llamada…");
        if (!polite) {
            conn.addTransceiver("audio", { streams: [local] });
            conn.addTransceiver("video", { streams: [local] });
            syncTransceivers(conn);
        }
    }

    async function onDescription(type, sdp) {
        if (!pc) { newPeer(); }
        var conn = pc, collision = type === "offer" && (makingOffer || conn.signalingState !== "stable");
        ignoreOffer = !polite && collision;
        if (ignoreOffer || (type === "answer" && conn.signalingState !== "have-local-offer")) { return; }
        await conn.setRemoteDescription({ type: type, sdp: sdp });
        if (type === "offer") {
            syncTransceivers(conn);
            await conn.setLocalDescription();
            await send("Answer", conn.localDescription.sdp);
        }
    }

    async function onCandidate(json) {
        if (!pc) { return; }
        try { await pc.addIceCandidate(JSON.parse(json)); } catch (e) { if (!ignoreOffer) { console.debug("sala: candidate", e); } }
    }

    function finish(text, canComeBack) {
        state.finished = true;
        closePeer();
        local.getTracks().forEach(function (t) { t.stop(); });
        els.local.srcObject = null;
        state.canComeBack = canComeBack;
        say(text);
        connection.stop();
        changed();
    }

    async function ready() {
        try {
            var joined = await connection.invoke("Ready");
            if (!joined.peerPresent) { say(waiting); }
        } catch (e) {
            if (String(e && e.message).indexOf("La llamada terminó") >= 0) { finish("La llamada terminó.", false); }
            else { say("No pudimos entrar a la sala. Vuelve a cargar la página."); }
        }
    }

    connection.on("PeerReady", serial(startCall));
    connection.on("PeerLeft", serial(function () { closePeer(); say("La otra persona salió de la llamada. Espera aquí por si vuelve."); }));
    connection.on("Offer", serial(function (sdp) { return onDescription("offer", sdp); }));
    connection.on("Answer", serial(function (sdp) { return onDescription("answer", sdp); }));
    connection.on("IceCandidate", serial(onCandidate));
    connection.on("Ended", function (message) { finish(message, false); });
    connection.on("Replaced", function () { finish("Abriste esta videollamada en otra pestaña o dispositivo; aquí quedó desconectada.", true); });
    connection.onreconnecting(function () { say("Se perdió la conexión con el servidor. Reconectando…"); });
    connection.onreconnected(function () { say(waiting); ready(); });
    connection.onclose(function () { if (!state.finished) { finish("Se perdió la conexión con el servidor.", true); } });

    async function leave() {
        try { await connection.invoke("Leave"); } catch (e) { /* leaving anyway */ }
        finish("Saliste de la llamada.", true);
    }

    // What room-controls.js (the buttons) and the browser tests use.
    window.iessRoom = {
        state: state, connection: connection, local: local, track: track, leave: leave, note: note,
        peer: function () { return pc; }, remote: function () { return pc ? remote : null; },
        sync: function () { els.local.srcObject = local; if (pc) { syncTransceivers(pc); } },
        changed: function () { }
    };

    (async function start() {
        say("Preparando tu cámara y micrófono…");
        (await getMedia()).getTracks().forEach(function (t) { local.addTrack(t); });
        els.local.srcObject = local;
        changed();
        try {
            await connection.start();
        } catch (e) {
            finish("No pudimos conectar con el servidor de la videollamada.", true);
            return;
        }
        say(waiting);
        await ready();
    })();
})();
