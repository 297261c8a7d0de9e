// Supervisors' live board (/supervision/tablero) over /hubs/supervision: the server pushes the whole board.
(function () {
    "use strict";
    var root = document.querySelector("[data-board]");
    if (!root || typeof signalR === "undefined") { return; }

    function $(selector) { return root.querySelector(selector); }
    function text(selector, value) { $(selector).textContent = String(value); }
    function minutesSince(iso, now) {
        if (!iso) { return "—"; }
        return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60000)) + " min";
    }
    var timeFormat = new Intl.DateTimeFormat("es-EC", { timeZone: "America/Guayaquil", dateStyle: "short", timeStyle: "medium" });

    function cell(row, value) {
        var td = document.createElement("td");
        td.textContent = value;
        row.appendChild(td);
    }

    function show(b) {
        var now = new Date(b.asOf).getTime();
        text("[data-b-standard]", b.waitingStandard);
        text("[data-b-priority]", b.waitingPriority);
        text("[data-b-oldest]", minutesSince(b.oldestJoinedAt, now));
        text("[data-b-available]", b.agentsAvailable);
        text("[data-b-service]", Math.floor(b.avgServiceSeconds / 60) + " min " + (b.avgServiceSeconds % 60) + " s");
        text("[data-b-unlocked]", b.unlockedToday);
        text("[data-b-rejected]", b.rejectedToday);
        text("[data-b-noshows]", b.noShowsToday);
        text("[data-b-approvals]", b.pendingApprovals);
        text("[data-b-agent-count]", b.agents.length);
        var body = $("[data-b-agents]");
        var rows = document.createDocumentFragment();
        b.agents.forEach(function (a) {
            var tr = document.createElement("tr");
            cell(tr, a.name);
            cell(tr, a.status);
            cell(tr, a.connected ? "Sí" : "No");
            cell(tr, a.channel || "—");
            cell(tr, minutesSince(a.heldSince, now));
            rows.appendChild(tr);
        });
        body.replaceChildren(rows);
        text("[data-board-asof]", timeFormat.format(new Date(b.asOf)));
    }

    var connection = new signalR.HubConnectionBuilder().withUrl("/hubs/supervision").withAutomaticReconnect().build();
    connection.on("Board", show);
    function load() { return connection.invoke("GetBoard").then(show); }
    connection.onreconnecting(function () { text("[data-board-connection]", "Conexión perdida; reintentando…"); });
    connection.onreconnected(function () { text("[data-board-connection]", ""); load(); });
    connection.start().then(load).catch(function () {
        text("[data-board-connection]", "No se pudo conectar: el tablero no se actualizará. Recarga la página.");
    });
})();
