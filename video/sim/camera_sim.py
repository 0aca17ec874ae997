#!/usr/bin/python3
"""Camera simulator for Tongguan's video wall (issue 7).

Serves N simulated cameras on 127.0.0.1:
  * RTSP (GStreamer RTSP server):       rtsp://127.0.0.1:R/camNNN/main   and  .../camNNN/sub
  * MPEG-TS over HTTP (what Debian's libvlc reads; video platforms offer it too):
                                        http://127.0.0.1:H/camNNN/main.ts and .../camNNN/sub.ts
Each picture shows the camera id and a clock. A camera encodes only while somebody watches it
(shared RTSP media are torn down with their last client; HTTP pipelines stop with their last client).

Commands, one per line, on stdin or on the control port (reply "ok ..." or "error ..."):
  stop camNNN | start camNNN | list | quit
A stopped camera drops its viewers at once and answers 404 (RTSP and HTTP) until started again.

Ports default to 0 (free ports chosen by the OS). When ready it prints one line
  READY rtsp=R http=H control=C
and writes the camera lists (tab separated: id, name, main URL, sub URL) if --out DIR is given.
Run with /usr/bin/python3 (needs python3-gi and gir1.2-gst-rtsp-server-1.0).
"""
import argparse
import os
import signal
import socket
import socketserver
import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
gi.require_version("GstVideo", "1.0")
from gi.repository import GLib, Gst, GstRtspServer, GstVideo  # noqa: E402

ROADS = ["平原路", "人民路", "胜利路", "金穗大道", "华兰大道", "宏力大道", "新中大道", "东明大道",
         "和平路", "解放路", "牧野大道", "劳动路", "自由路", "新飞大道", "荣校路", "向阳路"]
COLOURS = [0xffff4040, 0xff40ff40, 0xff4080ff, 0xffffff40, 0xffff40ff, 0xff40ffff, 0xffffa040,
           0xffa0a0ff]


def parse_mode(text):
    size, fps = text.split("@")
    w, h = size.split("x")
    return int(w), int(h), int(fps)


class Camera:
    def __init__(self, index, modes):
        self.index = index
        self.id = "cam%03d" % index
        self.name = "%s%03d" % (ROADS[(index - 1) % len(ROADS)], index)
        self.modes = modes  # variant -> (w, h, fps)
        self.running = True
        self.medias = []  # RTSP media currently prepared for this camera
        self.http = {}  # variant -> HttpFeed

    def background(self):
        # a dark tint of its own per camera, so neighbouring tiles are told apart at a glance
        r = 0x18 + (self.index * 7) % 0x20
        g = 0x1c + (self.index * 5) % 0x20
        b = 0x24 + (self.index * 3) % 0x20
        return 0xff000000 | (r << 16) | (g << 8) | b

    def source(self, variant):
        w, h, fps = self.modes[variant]
        font = max(10, h // 12)
        return ("videotestsrc is-live=true pattern=ball motion=%d foreground-color=%d background-color=%d "
                "! video/x-raw,width=%d,height=%d,framerate=%d/1 "
                "! textoverlay text=\"%s %s\" valignment=top halignment=left font-desc=\"Sans %d\" "
                "! clockoverlay valignment=top halignment=right time-format=\"%%H:%%M:%%S\" "
                "font-desc=\"Sans %d\" ! videoconvert "
                "! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=%d threads=1 "
                "! video/x-h264,profile=baseline"
                % (self.index % 3, COLOURS[self.index % len(COLOURS)], self.background(),
                   w, h, fps, self.id, variant, font, font, fps))


class HttpFeed:
    """One MPEG-TS pipeline feeding every HTTP viewer of one camera variant through multifdsink."""

    def __init__(self, camera, variant):
        self.camera = camera
        self.variant = variant
        self.lock = threading.RLock()  # client-fd-removed can fire inside our own emit("clear")
        self.clients = 0
        self.pipeline = None
        self.sink = None

    def add(self, fd):
        with self.lock:
            if self.pipeline is None:
                self.pipeline = Gst.parse_launch(
                    self.camera.source(self.variant)
                    + " ! h264parse config-interval=-1 ! mpegtsmux "
                    "! multifdsink name=sink sync=false sync-method=next-keyframe recover-policy=keyframe")
                self.sink = self.pipeline.get_by_name("sink")
                self.sink.connect("client-fd-removed", self._removed)
                self.pipeline.set_state(Gst.State.PLAYING)
                # wait until it runs: a key-frame request sent earlier is lost, and the viewer would
                # wait a whole GOP for the next key frame
                self.pipeline.get_state(2 * Gst.SECOND)
            self.clients += 1
            self.sink.emit("add", fd)
            # a new viewer starts at a fresh key frame (as cameras do on request), not at the next GOP
            self.sink.send_event(GstVideo.video_event_new_upstream_force_key_unit(Gst.CLOCK_TIME_NONE, True, 0))

    def _removed(self, sink, fd):
        os.close(fd)
        with self.lock:
            self.clients -= 1
            if self.clients <= 0:
                # never change state from the streaming thread that emitted this signal
                GLib.idle_add(self._stop_if_idle)

    def _stop_if_idle(self):
        with self.lock:
            if self.clients <= 0 and self.pipeline is not None:
                self.pipeline.set_state(Gst.State.NULL)
                self.pipeline = None
                self.sink = None
        return False

    def drop_all(self):
        with self.lock:
            sink = self.sink
        if sink is not None:
            sink.emit("clear")  # outside our lock: it calls back into _removed


class Simulator:
    def __init__(self, args):
        self.modes = {"main": parse_mode(args.main), "sub": parse_mode(args.sub)}
        self.cameras = {}
        for i in range(1, args.cameras + 1):
            cam = Camera(i, self.modes)
            self.cameras[cam.id] = cam
        self.server = GstRtspServer.RTSPServer()
        self.server.set_address("127.0.0.1")
        self.server.set_service(str(args.rtsp_port))
        self.mounts = self.server.get_mount_points()
        self.factories = {}
        for cam in self.cameras.values():
            for variant in self.modes:
                factory = GstRtspServer.RTSPMediaFactory()
                factory.set_launch("( %s ! rtph264pay name=pay0 pt=96 config-interval=1 )" % cam.source(variant))
                factory.set_shared(True)
                factory.connect("media-configure", self._media_configured, cam)
                self.factories[(cam.id, variant)] = factory
                self.mounts.add_factory("/%s/%s" % (cam.id, variant), factory)
        self.server.attach(None)
        self.rtsp_port = self.server.get_bound_port()

    def _media_configured(self, factory, media, cam):
        cam.medias.append(media)
        media.connect("unprepared", lambda m: cam.medias.remove(m) if m in cam.medias else None)

    def stop(self, cam):
        if not cam.running:
            return
        cam.running = False
        for variant in self.modes:
            self.mounts.remove_factory("/%s/%s" % (cam.id, variant))
        medias = list(cam.medias)

        def drop_viewers(server, client):
            # a client watching one of this camera's media is disconnected: its viewer sees the stream end
            hit = []

            def sessions(c, session):
                def each(s, session_media):
                    if session_media.get_media() in medias:
                        hit.append(True)
                    return GstRtspServer.RTSPFilterResult.KEEP
                session.filter(each)
                return GstRtspServer.RTSPFilterResult.KEEP
            client.session_filter(sessions)
            return GstRtspServer.RTSPFilterResult.REMOVE if hit else GstRtspServer.RTSPFilterResult.KEEP
        self.server.client_filter(drop_viewers)
        for feed in cam.http.values():
            feed.drop_all()

    def start(self, cam):
        if cam.running:
            return
        cam.running = True
        for variant in self.modes:
            self.mounts.add_factory("/%s/%s" % (cam.id, variant), self.factories[(cam.id, variant)])

    def command(self, line):
        parts = line.strip().split()
        if not parts:
            return "error empty command"
        verb = parts[0]
        if verb == "list":
            return "ok " + " ".join("%s=%s" % (c.id, "on" if c.running else "off") for c in self.cameras.values())
        if verb == "quit":
            GLib.idle_add(self.loop.quit)
            return "ok bye"
        if verb in ("stop", "start") and len(parts) == 2:
            cam = self.cameras.get(parts[1])
            if cam is None:
                return "error unknown camera %s" % parts[1]
            done = threading.Event()

            def run():
                (self.stop if verb == "stop" else self.start)(cam)
                done.set()
                return False
            GLib.idle_add(run)  # the RTSP server is not thread-safe: act on its main loop
            done.wait(5)
            return "ok %s %s" % (verb, cam.id)
        return "error unknown command: %s" % line.strip()

    def http_feed(self, path):
        # /camNNN/main.ts or /camNNN/sub.ts
        parts = path.strip("/").split("/")
        if len(parts) != 2 or not parts[1].endswith(".ts"):
            return None
        cam = self.cameras.get(parts[0])
        variant = parts[1][:-3]
        if cam is None or variant not in self.modes or not cam.running:
            return None
        feed = cam.http.get(variant)
        if feed is None:
            feed = cam.http.setdefault(variant, HttpFeed(cam, variant))
        return feed

    def write_lists(self, out, http_port):
        os.makedirs(out, exist_ok=True)
        for kind, url in (("rtsp", "rtsp://127.0.0.1:%d/%s/%s"), ("http", "http://127.0.0.1:%d/%s/%s.ts")):
            port = self.rtsp_port if kind == "rtsp" else http_port
            path = os.path.join(out, "cameras-%s.tsv" % kind)
            with open(path + ".tmp", "w", encoding="utf-8") as f:
                f.write("# id\tname\tmain\tsub\n")
                for cam in self.cameras.values():
                    f.write("%s\t%s\t%s\t%s\n" % (cam.id, cam.name, url % (port, cam.id, "main"),
                                                  url % (port, cam.id, "sub")))
            os.replace(path + ".tmp", path)


def serve(sim, args):
    class Http(socketserver.BaseRequestHandler):
        def handle(self):
            self.request.settimeout(5)
            data = b""
            while b"\r\n\r\n" not in data and len(data) < 8192:
                chunk = self.request.recv(1024)
                if not chunk:
                    return
                data += chunk
            words = data.split(b"\r\n", 1)[0].decode("latin-1").split()
            feed = sim.http_feed(words[1]) if len(words) >= 2 and words[0] in ("GET", "HEAD") else None
            if feed is None:
                self.request.sendall(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                return
            self.request.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: video/mp2t\r\nCache-Control: no-cache\r\n\r\n")
            if words[0] == "HEAD":
                return
            self.request.settimeout(None)
            feed.add(os.dup(self.request.fileno()))  # multifdsink owns the duplicate; ours closes on return

    class Control(socketserver.StreamRequestHandler):
        def handle(self):
            for raw in self.rfile:
                self.wfile.write((sim.command(raw.decode("utf-8")) + "\n").encode("utf-8"))
                self.wfile.flush()

    class Server(socketserver.ThreadingTCPServer):
        daemon_threads = True
        allow_reuse_address = True

        def shutdown_request(self, request):
            # no shutdown(): it would also end the duplicate descriptor multifdsink is writing to
            request.close()

    http = Server(("127.0.0.1", args.http_port), Http)
    control = Server(("127.0.0.1", args.control_port), Control)
    for s in (http, control):
        threading.Thread(target=s.serve_forever, daemon=True).start()
    return http.server_address[1], control.server_address[1]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cameras", type=int, default=139)
    p.add_argument("--rtsp-port", type=int, default=0)
    p.add_argument("--http-port", type=int, default=0)
    p.add_argument("--control-port", type=int, default=0)
    p.add_argument("--main", default="640x360@25", help="main stream WxH@fps")
    p.add_argument("--sub", default="320x180@15", help="sub stream WxH@fps")
    p.add_argument("--no-stdin", action="store_true", help="take commands on the control port only")
    p.add_argument("--exit-with-stdin", action="store_true", help="quit when stdin closes (for tests)")
    p.add_argument("--out", help="directory for cameras-rtsp.tsv and cameras-http.tsv")
    args = p.parse_args()
    Gst.init(None)
    sim = Simulator(args)
    sim.loop = GLib.MainLoop()
    http_port, control_port = serve(sim, args)
    if args.out:
        sim.write_lists(args.out, http_port)
    print("READY rtsp=%d http=%d control=%d" % (sim.rtsp_port, http_port, control_port), flush=True)

    def stdin_commands():
        for line in sys.stdin:
            print(sim.command(line), flush=True)
        if args.exit_with_stdin:
            GLib.idle_add(sim.loop.quit)  # stdin closed: the parent process is gone, so are we
    for sig in (signal.SIGINT, signal.SIGTERM):  # Ctrl-C or kill: leave the main loop cleanly
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, lambda *unused: (sim.loop.quit(), False)[1])
    if not args.no_stdin:
        threading.Thread(target=stdin_commands, daemon=True).start()
    sim.loop.run()


if __name__ == "__main__":
    main()
