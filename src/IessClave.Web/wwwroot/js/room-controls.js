// Buttons and notes of the video room (room.js runs the call): camera, microphone, "Solo audio", leave.
(function () {
    "use strict";
    var room = window.iessRoom, root = document.querySelector("[data-room]");
    if (!room || !root) { return; }
    function $(selector) { return root.querySelector(selector); }
    var camera = $("[data-room-camera]"), mic = $("[data-room-mic]"), audioOnly = $("[data-room-audio-only]");
    var leave = $("[data-room-leave]"), play = $("[data-room-play]"), again = $("[data-room-again]");
    var localNote = $("[data-room-local-note]"), remoteNote = $("[data-room-remote-note]"), videos = $("[data-room-videos]"), hint = $("[data-room-videos-hint]");

    function setText(el, text) { if (el.textContent !== text) { el.textContent = text; } }

    function videoTransceiver() {
        var pc = room.peer();
        return pc ? pc.getTransceivers().filter(function (t) { return t.receiver.track.kind === "video"; })[0] : null;
    }

    function redraw() {
        var state = room.state, video = room.track("video"), audio = room.track("audio"), remote = room.remote();
        camera.disabled = state.finished || !video || state.audioOnly;
        setText(camera, !video || video.enabled ? "Desactivar cámara" : "Activar cámara");
        mic.disabled = state.finished || !audio;
        setText(mic, !audio || audio.enabled ? "Silenciar micrófono" : "Activar micrófono");
        audioOnly.disabled = leave.disabled = state.finished;
        [camera, mic, audioOnly, leave, videos, hint].forEach(function (el) { el.hidden = state.finished; });
        audioOnly.setAttribute("aria-pressed", String(state.audioOnly));
        play.hidden = state.finished || !state.playBlocked;
        again.hidden = !state.finished || !state.canComeBack;

        var t = videoTransceiver(), othersChoice = t && t.currentDirection === "inactive" && !state.audioOnly;
        setText(localNote, state.finished ? "" : state.audioOnly ? "Solo audio: no se envía ni se recibe video."
            : !video ? "No se envía tu video." : video.enabled ? "" : "Tu cámara está apagada: la otra persona no te ve.");
        var remoteVideo = remote && remote.getVideoTracks()[0];
        setText(remoteNote, othersChoice ? "La otra persona eligió solo audio: por ahora no hay video."
            : remoteVideo && remoteVideo.muted && !state.audioOnly ? "La otra persona no está enviando video." : "");
    }

    camera.addEventListener("click", function () {
        var video = room.track("video");
        if (video) { video.enabled = !video.enabled; }
        redraw();
    });

    mic.addEventListener("click", function () {
        var audio = room.track("audio");
        if (audio) { audio.enabled = !audio.enabled; }
        redraw();
    });

    // For weak connections: no video either way (the transceiver goes inactive), the audio keeps going.
    audioOnly.addEventListener("click", async function () {
        audioOnly.disabled = true;
        var video = room.track("video");
        if (!room.state.audioOnly) {
            room.state.audioOnly = true;
            if (video) { room.local.removeTrack(video); video.stop(); } // frees the camera and its bandwidth
            room.note("");
        } else {
            room.state.audioOnly = false;
            try {
                room.local.addTrack((await navigator.mediaDevices.getUserMedia({ video: true })).getVideoTracks()[0]);
            } catch (e) {
                room.note("No pudimos volver a encender tu cámara: ves a la otra persona, pero ella no te ve.");
            }
        }
        room.sync();
        redraw();
    });

    leave.addEventListener("click", function () { room.leave(); });

    play.addEventListener("click", function () {
        $("[data-room-remote]").play().then(function () { room.state.playBlocked = false; redraw(); }, function () { });
    });

    again.addEventListener("click", function () { window.location.reload(); });

    room.changed = redraw;
    redraw();
})();
