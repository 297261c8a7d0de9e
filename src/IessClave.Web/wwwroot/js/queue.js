// Live queue page. The server sends ONE shared frame per interval to everybody waiting: the changes to the
// waiting set ([lane, ticket, +1|-1]). Each page works out its own position from them (deli counter), and asks
// for a fresh snapshot whenever it may have missed a frame.
(function () {
    "use strict";
    var root = document.querySelector("[data-queue]");
    if (!root || typeof signalR === "undefined") { return; }

    var STANDARD = 0, PRIORITY = 1;
    var state = {
        ticket: Number(root.dataset.ticket), lane: Number(root.dataset.lane), status: root.dataset.status,
        position: Number(root.dataset.position), asOf: Number(root.dataset.asOf),
        avg: Number(root.dataset.avg), agents: Number(root.dataset.agents)
    };
    var statusEl = root.querySelector("[data-queue-status]");
    var positionEl = root.querySelector("[data-queue-position]");
    var etaEl = root.querySelector("[data-queue-eta]");
    var calledEl = root.querySelector("[data-queue-called]");
    var factsEl = root.querySelector("[data-queue-facts]");
    var callEl = root.querySelector("[data-queue-call]");
    var codeEl = root.querySelector("[data-queue-code]");
    var joinRow = root.querySelector("[data-queue-join-row]");
    var joinEl = root.querySelector("[data-queue-join]");
    var texts = {
        Waiting: "Estás en la fila. Mantén esta página abierta; se actualiza sola.",
        Pending: "Tomamos tu turno. Calculando tu posición…",
        Called: "¡Es tu turno! Un agente te está llamando.",
        InService: "Estás siendo atendido.",
        Completed: "Tu atención terminó.", NoShow: "No respondiste a tiempo y tu turno terminó.",
        Left: "Saliste de la fila.", Expired: "Tu turno venció porque la página estuvo cerrada demasiado tiempo.",
        Unknown: "No encontramos tu turno."
    };

    function eta() {
        if (state.position <= 0) { return "—"; }
        var seconds = Math.ceil(state.position / Math.max(1, state.agents)) * state.avg;
        var minutes = Math.ceil(seconds / 60);
        var text = minutes <= 1 ? "alrededor de 1 minuto" : "alrededor de " + minutes + " minutos";
        return state.agents === 0 ? text + " (ahora no hay agentes disponibles)" : text;
    }

    function render() {
        root.dataset.status = state.status;
        root.dataset.position = String(state.position);
        var text = (state.status !== "Waiting" && state.message) ? state.message : (texts[state.status] || "");
        if (statusEl.textContent.trim() !== text) { statusEl.textContent = text; }
        callEl.hidden = !state.code;
        codeEl.textContent = state.code || "";
        joinRow.hidden = !state.joinUrl;
        if (state.joinUrl) { joinEl.setAttribute("href", state.joinUrl); }
        positionEl.textContent = state.position > 0 ? String(state.position) : "—";
        etaEl.textContent = eta();
        calledEl.hidden = state.status !== "Called";
        factsEl.hidden = state.status !== "Waiting" && state.status !== "Pending";
    }

    function applySnapshot(s) {
        state.ticket = s.ticket; state.lane = s.lane; state.status = s.status; state.position = s.position;
        state.asOf = s.asOf; state.avg = s.avgServiceSeconds; state.agents = s.agentsAvailable;
        state.message = s.message; state.code = s.oneTimeCode; state.joinUrl = s.joinUrl;
        render();
        if (state.status === "Pending") { setTimeout(resync, 1000); }
    }

    function affectsMe(lane, ticket) {
        return (lane === state.lane && ticket < state.ticket) || (state.lane === STANDARD && lane === PRIORITY);
    }

    function applyFrame(f) {
        if (f.events.length === 0 && f.upTo === state.asOf) {
            // Stats-only frame: agents came or went, the ETA changes, nobody moved.
            state.avg = f.avgServiceSeconds; state.agents = f.agentsAvailable; render(); return;
        }
        if (state.status !== "Waiting" || f.upTo <= state.asOf) { return; }
        if (f.after !== state.asOf) { resync(); return; }
        for (var i = 0; i < f.events.length; i++) {
            var e = f.events[i];
            if (e[1] !== state.ticket && affectsMe(e[0], e[1])) { state.position += e[2]; }
        }
        state.asOf = f.upTo; state.avg = f.avgServiceSeconds; state.agents = f.agentsAvailable;
        render();
    }

    var connection = new signalR.HubConnectionBuilder()
        .withUrl("/hubs/cola")
        .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 15000, 15000, 30000])
        .build();

    function resync() {
        if (connection.state !== signalR.HubConnectionState.Connected) { return; }
        connection.invoke("Resync").then(applySnapshot).catch(function () { /* the next reconnect resyncs */ });
    }

    connection.on("Snapshot", applySnapshot);
    connection.on("TicketChanged", applySnapshot);
    connection.on("Frame", applyFrame);
    connection.onreconnected(resync);
    root.querySelector("[data-queue-answer]").addEventListener("click", function () {
        connection.invoke("Answer").then(applySnapshot).catch(resync);
    });
    connection.start().catch(function () { setTimeout(function () { location.reload(); }, 15000); });
    window.iessQueue = { state: state, connection: connection };
})();
