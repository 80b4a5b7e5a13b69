"""A DICOMweb server that answers badly, for the client's error paths (what a broken proxy or a
crashing PACS sends): GET /html/... an HTML page, /notdicom/... a multipart part that is not
DICOM, /truncated/... one whole DICOM part then half of the next and the connection closed.
Serves the DICOM file given on the command line; prints its port, then serves until killed.

    bad_dicomweb_server.py FILE
"""
import http.server
import socketserver
import sys

DICOM = open(sys.argv[1], "rb").read()
BOUNDARY = b"lumen-test-boundary"


def part(body):
    return b"--" + BOUNDARY + b"\r\nContent-Type: application/dicom\r\n\r\n" + body + b"\r\n"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/html/"):
            body = b"<html><body>Gateway error</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(200)
        self.send_header("Content-Type", 'multipart/related; type="application/dicom"; boundary=' + BOUNDARY.decode())
        self.end_headers()
        if self.path.startswith("/notdicom/"):
            self.wfile.write(part(DICOM) + b"--" + BOUNDARY + b"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0 not dicom" + b"\r\n--" + BOUNDARY + b"--\r\n")
        else:  # truncated: one whole part, then half of the next, then nothing
            self.wfile.write(part(DICOM) + part(DICOM)[: len(DICOM) // 2])
        self.wfile.flush()


with socketserver.TCPServer(("127.0.0.1", 0), Handler) as server:
    print(server.server_address[1], flush=True)
    server.serve_forever()
