"""Test-harness stand-in for PySocks' ``socks`` module: HTTP CONNECT tunnelling only.

httplib2 >= 0.31 no longer vendors a SOCKS/proxy module. It only honours ``https_proxy``/``HTTPS_PROXY`` when
``import socks`` succeeds (``ProxyInfo.isgood()``); without it, it silently connects straight to the real host.
The snippet runner puts this directory on PYTHONPATH *only when the venv cannot import ``socks`` itself*, so
snippet API calls made through httplib2 reach the fake Google proxy. It implements exactly what httplib2 uses:
``PROXY_TYPE_*``, ``socksocket(...)``, ``setproxy(...)`` and ``connect(...)`` through an HTTP proxy.
Written for this project's tests; not a general-purpose SOCKS client.
"""

import base64
import socket

PROXY_TYPE_SOCKS4 = 1
PROXY_TYPE_SOCKS5 = 2
PROXY_TYPE_HTTP = 3

__version__ = "0-fake-google-shim"


class ProxyError(IOError):
    def __init__(self, msg, socket_err=None):
        super().__init__(msg)
        self.msg = msg
        self.socket_err = socket_err


class GeneralProxyError(ProxyError):
    pass


class HTTPError(ProxyError):
    pass


class socksocket(socket.socket):
    def __init__(self, family=socket.AF_INET, type=socket.SOCK_STREAM, proto=0, *args, **kwargs):
        super().__init__(family, type, proto, *args, **kwargs)
        self._proxy = None

    def setproxy(self, proxy_type=None, addr=None, port=None, rdns=True, username=None, password=None, *rest):
        self._proxy = (proxy_type, addr, port, rdns, username, password)

    set_proxy = setproxy

    def connect(self, dest_pair):
        if not self._proxy or self._proxy[0] is None:
            return super().connect(dest_pair)
        proxy_type, addr, port, _rdns, username, password = self._proxy
        if proxy_type != PROXY_TYPE_HTTP:
            raise GeneralProxyError("fake-google socks shim supports HTTP CONNECT proxies only")
        host, dport = dest_pair[0], dest_pair[1]
        try:
            super().connect((addr, port or 8080))
        except socket.error as e:
            raise ProxyError("error connecting to proxy %s:%s" % (addr, port), e)
        target = "[%s]" % host if ":" in host else host
        lines = ["CONNECT %s:%d HTTP/1.1" % (target, dport), "Host: %s:%d" % (target, dport)]
        if username:
            cred = base64.b64encode(("%s:%s" % (username, password or "")).encode()).decode()
            lines.append("Proxy-Authorization: Basic " + cred)
        self.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        # read the proxy's answer up to the blank line, byte by byte so nothing of the tunnel is consumed
        buf = b""
        while not buf.endswith(b"\r\n\r\n"):
            ch = self.recv(1)
            if not ch:
                raise GeneralProxyError("proxy closed the connection during CONNECT")
            buf += ch
            if len(buf) > 65536:
                raise GeneralProxyError("proxy CONNECT answer too long")
        status_line = buf.split(b"\r\n", 1)[0].decode("latin-1")
        parts = status_line.split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/") or parts[1] != "200":
            raise HTTPError("proxy CONNECT failed: %s" % status_line)
