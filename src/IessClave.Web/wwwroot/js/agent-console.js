// Agent console: live queue overview and the agent's own case, over /hubs/agentes.
(function () {
    "use strict";
    var root = document.querySelector("[data-agent-console]");
    if (!root || typeof signalR === "undefined") { return; }

    function $(selector) { return root.querySelector(selector); }
    var statusNames = { Available: "Disponible", Away: "Ausente", Offline: "Desconectado" };
    var caseStatus = { Called: "Llamando al afiliado", InService: "En atención", Waiting: "En la fila" };
    var outcomes = {
        QueueEmpty: "No hay nadie en la fila.", NotAvailable: "Marca tu estado como «Disponible» para atender.",
        AlreadyServing: "Ya tienes un caso activo.", Taken: "Turno asignado."
    };
    var oldest = null;

    function say(text) { $("[data-agent-message]").textContent = text; }

    function showOverview(o) {
        $("[data-q-standard]").textContent = String(o.standard);
        $("[data-q-priority]").textContent = String(o.priority);
        $("[data-q-agents]").textContent = String(o.agentsAvailable);
        oldest = o.oldestJoinedAt ? new Date(o.oldestJoinedAt) : null;
        tick();
    }

    function tick() {
        if (!oldest) { $("[data-q-oldest]").textContent = "—"; return; }
        var s = Math.max(0, Math.floor((Date.now() - oldest.getTime()) / 1000));
        $("[data-q-oldest]").textContent = Math.floor(s / 60) + " min " + (s % 60) + " s";
    }

    function showCase(c) {
        var panel = $("[data-active-case]");
        panel.hidden = !c;
        $("[data-take-next]").disabled = !!c;
        if (!c) { return; }
        $("[data-case-ticket]").textContent = String(c.ticket) + (c.lane === 1 ? " (prioritaria)" : "");
        $("[data-case-name]").textContent = c.fullName;
        $("[data-case-id]").textContent = c.identification;
        $("[data-case-status]").textContent = caseStatus[c.status] || c.status;
        $("[data-case-question]").textContent = c.securityQuestion;
        $("[data-case-meeting]").hidden = !c.joinUrl;
        if (c.joinUrl) { $("[data-case-join]").setAttribute("href", c.joinUrl); }
        $("[data-case-notice]").hidden = !c.meetingNotice;
        $("[data-case-notice]").textContent = c.meetingNotice || "";
        loadFile();
    }

    function resetChecklist() {
        root.querySelectorAll("[data-check] input").forEach(function (i) { i.value = ""; i.disabled = false; });
        root.querySelectorAll("[data-check] button").forEach(function (b) { b.disabled = false; });
        root.querySelectorAll("[data-check-result]").forEach(function (r) { r.textContent = ""; r.className = "check-result"; });
        root.querySelectorAll("[data-confirm]").forEach(function (c) { c.checked = false; c.disabled = false; });
        fillList("[data-evidence]", "[data-evidence-empty]", []);
        fillList("[data-previous]", "[data-previous-empty]", []);
    }

    function fillList(listSelector, emptySelector, lines) {
        var list = $(listSelector);
        list.textContent = "";
        lines.forEach(function (line) {
            var li = document.createElement("li");
            var strong = document.createElement("strong");
            strong.textContent = line[0];
            li.appendChild(strong);
            li.appendChild(document.createTextNode(line[1]));
            list.appendChild(li);
        });
        $(emptySelector).hidden = lines.length > 0;
    }

    // The case file: evidence of this case from any channel (a passed check is shown as done, not asked again)
    // and the account's earlier cases.
    function showFile(file) {
        if (!file) { return; }
        fillList("[data-evidence]", "[data-evidence-empty]", file.evidence.map(function (e) {
            return [e.check, ": " + e.result + " · " + e.channel + " · " + e.when + " · " + e.agent];
        }));
        fillList("[data-previous]", "[data-previous-empty]", file.previous.map(function (p) {
            return [p.opened, " · " + p.channels + " · " + p.outcome + (p.reason ? " (" + p.reason + ")" : "") + (p.agent ? " · " + p.agent : "")];
        }));
        file.evidence.filter(function (e) { return e.passed; }).forEach(function (e) {
            var row = root.querySelector("[data-check='" + e.kind + "']");
            if (row) {
                row.querySelector("input").disabled = true;
                row.querySelector("button").disabled = true;
                var result = row.querySelector("[data-check-result]");
                result.textContent = "Ya verificado: " + e.channel + ", " + e.when + ", " + e.agent;
                result.className = "check-result ok";
            }
            var box = root.querySelector("[data-confirm='" + e.kind + "']");
            if (box) { box.checked = true; box.disabled = true; }
        });
    }

    function loadFile() {
        return connection.invoke("GetCaseFile").then(showFile).catch(function () { });
    }

    function outcome(method, arg) {
        var call = arg === undefined ? connection.invoke(method) : connection.invoke(method, arg);
        return call.then(function (r) {
            say(r.message);
            if (r.result === "Done" || r.result === "AwaitingApproval") { showCase(null); resetChecklist(); }
        }).catch(function () { say("No se pudo completar la acción. Inténtalo de nuevo."); });
    }

    function showStatus(s) { $("[data-agent-status]").textContent = statusNames[s] || s; }

    var connection = new signalR.HubConnectionBuilder().withUrl("/hubs/agentes").withAutomaticReconnect().build();
    connection.on("Overview", showOverview);
    connection.on("CaseChanged", function (c) { showCase(c); if (!c) { say("El caso terminó."); } });

    function load() {
        return connection.invoke("GetState").then(function (s) {
            showStatus(s.status); showOverview(s.overview); showCase(s.activeCase);
            // Buttons work only once the console is connected (a click before would be lost).
            root.querySelectorAll("[data-set-status]").forEach(function (b) { b.disabled = false; });
            if (!s.activeCase) { $("[data-take-next]").disabled = false; }
        });
    }

    function act(method, done) {
        return connection.invoke(method).then(done).catch(function () { say("No se pudo completar la acción. Inténtalo de nuevo."); });
    }

    root.querySelectorAll("[data-set-status]").forEach(function (b) {
        b.addEventListener("click", function () {
            connection.invoke("SetStatus", b.getAttribute("data-set-status")).then(showStatus);
        });
    });
    $("[data-take-next]").addEventListener("click", function () {
        act("TakeNext", function (r) { say(outcomes[r.outcome] || ""); showCase(r.case); });
    });
    $("[data-return]").addEventListener("click", function () { act("ReturnToQueue", function () { showCase(null); say("Devolviste al afiliado a la fila con su lugar."); }); });
    $("[data-no-show]").addEventListener("click", function () { act("MarkNoShow", function () { showCase(null); say("Marcado como no presentado."); }); });
    $("[data-finish]").addEventListener("click", function () { act("Finish", function () { showCase(null); say("Atención terminada."); }); });

    root.querySelectorAll("[data-check]").forEach(function (row) {
        row.querySelector("[data-check-go]").addEventListener("click", function () {
            var input = row.querySelector("input");
            var result = row.querySelector("[data-check-result]");
            connection.invoke("Check", row.getAttribute("data-check"), input.value).then(function (r) {
                input.value = "";
                return loadFile().then(function () {
                    result.textContent = r.message;
                    result.className = "check-result " + (r.matched ? "ok" : "no");
                });
            });
        });
    });
    root.querySelectorAll("[data-confirm]").forEach(function (box) {
        box.addEventListener("change", function () {
            if (box.checked) { connection.invoke("Confirm", box.getAttribute("data-confirm")).then(function (ok) { box.disabled = ok; return loadFile(); }); }
        });
    });
    $("[data-unlock]").addEventListener("click", function () { outcome("Unlock"); });
    $("[data-reject]").addEventListener("click", function () { outcome("Reject", $("[data-reject-reason]").value); });
    $("[data-escalate]").addEventListener("click", function () { outcome("Escalate"); });
    $("[data-email-change]").addEventListener("click", function () { outcome("RequestEmailChange", $("[data-new-email]").value); });
    connection.onreconnected(load);
    connection.start().then(load).catch(function () { say("No se pudo conectar. Recarga la página."); });
    setInterval(tick, 1000);
    window.iessAgentConsole = { connection: connection };
})();
