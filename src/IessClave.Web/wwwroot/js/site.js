// Small progressive enhancements; every page works without them.
(function () {
    "use strict";
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) {
        summary.focus();
    }

    var countdown = document.querySelector("[data-countdown]");
    if (countdown) {
        var expiresAt = Number(countdown.getAttribute("data-countdown"));
        var text = countdown.querySelector("[data-countdown-text]");
        var tick = function () {
            var left = Math.max(0, Math.floor((expiresAt - Date.now()) / 1000));
            var m = Math.floor(left / 60), s = left % 60;
            text.textContent = left > 0
                ? "Tiempo restante: " + m + ":" + (s < 10 ? "0" : "") + s + "."
                : "El enlace caducó. Recarga la página para pedir uno nuevo.";
            if (left > 0) { setTimeout(tick, 1000); }
        };
        tick();
    }
})();
