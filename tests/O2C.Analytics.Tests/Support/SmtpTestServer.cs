using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace O2C.Analytics.Tests.Support;

/// <summary>
/// A real SMTP server for the test run: Debian's aiosmtpd (installed by scripts/setup.sh) on a free loopback port,
/// storing every message it receives in a Maildir, which the test reads back.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    public const string Python = "/usr/bin/python3";
    private readonly Process _process;

    public int Port { get; }
    public string Maildir { get; }

    public static bool Available => File.Exists(Python) && Run(Python, "-c \"import aiosmtpd\"") == 0;

    /// <summary>A server that requires AUTH with this user and password (over plain text: a loopback test only).</summary>
    private const string AuthServer = """
        import sys, time
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox
        from aiosmtpd.smtp import AuthResult
        user, password, port, maildir, log = sys.argv[1:6]
        def check(server, session, envelope, mechanism, data):
            ok = data.login.decode() == user and data.password.decode() == password
            with open(log, 'a') as f: f.write(('accepted ' if ok else 'refused ') + mechanism + '\n')
            return AuthResult(success=ok)
        c = Controller(Mailbox(maildir), hostname='127.0.0.1', port=int(port), authenticator=check, auth_require_tls=False, auth_required=True)
        c.start()
        while True: time.sleep(3600)
        """;

    /// <summary>Logins the server saw: "accepted PLAIN", "refused LOGIN" (never the password).</summary>
    public IReadOnlyList<string> Logins() => AuthLog is { } log && File.Exists(log) ? File.ReadAllLines(log) : [];

    private string? AuthLog { get; }

    public SmtpTestServer(string? user = null, string? password = null)
    {
        Maildir = Path.Combine(Directory.CreateTempSubdirectory("o2c-smtp-").FullName, "maildir");
        Port = FreePort();
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (user is null)
            foreach (var a in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir }) start.ArgumentList.Add(a);
        else
        {
            AuthLog = Maildir + ".auth";
            foreach (var a in new[] { "-c", AuthServer, user, password!, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Maildir, AuthLog }) start.ArgumentList.Add(a);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start aiosmtpd");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Listening())
        {
            if (_process.HasExited) throw new InvalidOperationException("aiosmtpd exited: " + _process.StandardError.ReadToEnd());
            if (DateTime.UtcNow > deadline) throw new TimeoutException("aiosmtpd did not start listening within 20 s");
            Thread.Sleep(100);
        }
    }

    /// <summary>The messages received so far, as raw bytes, oldest first.</summary>
    public IReadOnlyList<byte[]> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).OrderBy(File.GetLastWriteTimeUtc).Select(File.ReadAllBytes).ToList()
            : [];
    }

    private bool Listening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static int Run(string file, string arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        p.WaitForExit();
        return p.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        Directory.Delete(Path.GetDirectoryName(Maildir)!, recursive: true);
    }
}

/// <summary>A fact that needs the SMTP test server; it skips, saying why, where aiosmtpd is not installed.</summary>
public sealed class SmtpServerFactAttribute : FactAttribute
{
    public SmtpServerFactAttribute()
    {
        if (!SmtpTestServer.Available)
            Skip = "Debian's python3-aiosmtpd is not installed: run bash scripts/setup.sh (scripts/test.sh and .ci/run do)";
    }
}
