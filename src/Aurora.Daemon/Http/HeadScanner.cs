namespace Aurora.Daemon.Http;

/// Finds the end of a request head (the empty line) in the bytes received so far. It remembers how far
/// it got, so a client that sends its head a byte at a time costs linear work, not a rescan of the whole
/// buffer per byte. Lines must end with CRLF: a bare LF is refused at once rather than left waiting
/// for a CRLFCRLF that will never come.
internal sealed class HeadScanner
{
    private int _scanned;
    private int _lineStart;

    /// Bytes looked at so far, over every call (what keeps the scan linear is checked against this).
    public long Examined { get; private set; }

    /// Looks at the bytes of `buffered` not seen before. Returns how many bytes to consume, 0 when more
    /// are needed; `headLength` is then the head's length without its line ends, or 0 for an empty line
    /// before the request line (RFC 9112 §2.2: ignored). Either way the scanner starts over after it.
    public int Scan(ReadOnlySpan<byte> buffered, out int headLength)
    {
        headLength = 0;
        while (_scanned < buffered.Length)
        {
            var lf = buffered[_scanned..].IndexOf((byte)'\n');
            Examined += lf < 0 ? buffered.Length - _scanned : lf + 1;
            if (lf < 0)
            {
                _scanned = buffered.Length;
                return 0;
            }

            var at = _scanned + lf;
            if (at == 0 || buffered[at - 1] != '\r')
            {
                throw new HttpProtocolException(400, "bad_request", "a line of the request head ends with a bare LF; end lines with CRLF");
            }

            var emptyLine = at - 1 == _lineStart;
            var start = _lineStart;
            (_scanned, _lineStart) = (at + 1, at + 1);
            if (emptyLine)
            {
                (_scanned, _lineStart) = (0, 0);
                headLength = start == 0 ? 0 : start - 2;
                return at + 1;
            }
        }

        return 0;
    }
}
