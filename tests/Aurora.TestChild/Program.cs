// Scriptable child for process tests, modelled on CliWrap.Tests.Dummy. Each command prints "ready"
// once its setup is done, so tests synchronise on output and never sleep.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

var command = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
int Arg(int i) => int.Parse(rest[i], CultureInfo.InvariantCulture);

switch (command)
{
    case "sleep":
        Console.WriteLine("ready");
        await Task.Delay(rest.Length > 0 ? TimeSpan.FromMilliseconds(Arg(0)) : Timeout.InfiniteTimeSpan, TimeProvider.System);
        return 0;

    case "exit":
        return Arg(0);

    case "crash-after":
        Console.WriteLine("ready");
        await Task.Delay(TimeSpan.FromMilliseconds(Arg(0)), TimeProvider.System);
        Console.Error.WriteLine($"crashing with {Arg(1)}");
        return Arg(1);

    case "ignore-sigterm":
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Console.WriteLine("got SIGTERM, ignoring it");
        }))
        {
            Console.WriteLine("ignoring SIGTERM");
            Console.WriteLine("ready");
            await Forever();
        }

        return 0;

    case "spawn-grandchild":
        // Same process group: started without setsid, inherits our stdout.
        var grandchild = Start(new ProcessStartInfo("sleep", ["1000"]));
        Console.WriteLine($"grandchild {grandchild.Id}");
        Console.WriteLine("ready");
        await Forever();
        return 0;

    case "double-fork":
        Console.WriteLine($"escaped {DoubleFork()}");
        Console.WriteLine("ready");
        await Forever();
        return 0;

    case "bind-port":
        using (var listener = new TcpListener(IPAddress.Loopback, Arg(0)))
        {
            listener.Start();
            Console.WriteLine($"port {((IPEndPoint)listener.LocalEndpoint).Port}");
            Console.WriteLine("ready");
            await Forever();
        }

        return 0;

    case "serve-health":
        await ServeHealth(Arg(0));
        return 0;

    case "print-lines":
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024);
        for (var i = 1; i <= Arg(0); i++)
        {
            output.Write("line ");
            output.WriteLine(i);
        }

        output.Flush();
        return 0;

    case "echo-env":
        Console.WriteLine(Environment.GetEnvironmentVariable(rest[0]) is { } value ? $"{rest[0]}={value}" : $"{rest[0]} unset");
        return 0;

    case "pwd":
        Console.WriteLine(Environment.CurrentDirectory);
        return 0;

    default:
        Console.Error.WriteLine("usage: Aurora.TestChild sleep [MS] | exit N | crash-after MS CODE | ignore-sigterm | spawn-grandchild"
            + " | double-fork | bind-port PORT | serve-health PORT | print-lines N | echo-env NAME | pwd");
        return 64;
}

static Task Forever() => Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System);

// The test child is scaffolding, not the daemon: it may start its own children directly.
#pragma warning disable RS0030
static Process Start(ProcessStartInfo info) => Process.Start(info) ?? throw new InvalidOperationException("no process");
#pragma warning restore RS0030

// setsid puts sh in a new session; sh backgrounds sleep, prints its pid and exits, so sleep is
// orphaned at once and re-parented to the nearest subreaper (the supervisor), outside our group.
static int DoubleFork()
{
    var sh = Start(new ProcessStartInfo("setsid", ["sh", "-c", "sleep 1000 </dev/null >/dev/null 2>&1 & echo $!"])
    {
        RedirectStandardOutput = true,
    });
    var pid = int.Parse(sh.StandardOutput.ReadLine() ?? "", CultureInfo.InvariantCulture);
    sh.WaitForExit();
    return pid;
}

static async Task ServeHealth(int port)
{
    using var listener = new TcpListener(IPAddress.Loopback, port);
    listener.Start();
    Console.WriteLine($"port {((IPEndPoint)listener.LocalEndpoint).Port}");
    Console.WriteLine("ready");
    var response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray();
    while (true)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var request = new StringBuilder();
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await stream.WriteAsync(response);
    }
}
