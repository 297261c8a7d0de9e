using System.Buffers;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace IessClave.Tests.Support;

/// <summary>
/// A real SMTP server (SmtpServer package) on 127.0.0.1 and a free port, capturing every message it receives.
/// <code>await using var smtp = await SmtpTestServer.StartAsync();</code> then point MailKit at
/// <see cref="Host"/>:<see cref="Port"/> with no TLS.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly List<ReceivedMail> received = [];
    private readonly Lock sync = new();
    private TaskCompletionSource changed = NewSignal();
    private SmtpServer.SmtpServer? server;
    private Task? running;

    private SmtpTestServer() { }

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>Messages received so far, in arrival order.</summary>
    public IReadOnlyList<MimeMessage> Messages => Received.Select(r => r.Message).ToList();

    /// <summary>Messages with their SMTP envelope (MAIL FROM, RCPT TO).</summary>
    public IReadOnlyList<ReceivedMail> Received
    {
        get
        {
            lock (sync)
            {
                return received.ToList();
            }
        }
    }

    public static async Task<SmtpTestServer> StartAsync()
    {
        var instance = new SmtpTestServer();
        await instance.StartCoreAsync();
        return instance;
    }

    /// <summary>Waits until a received message satisfies <paramref name="predicate"/>.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> predicate, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task signal;
            lock (sync)
            {
                var match = received.Select(r => r.Message).FirstOrDefault(predicate);
                if (match is not null)
                {
                    return match;
                }

                signal = changed.Task;
            }

            try
            {
                await signal.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                var subjects = string.Join(", ", Messages.Select(m => $"'{m.Subject}'"));
                throw new TimeoutException($"No matching message within {timeout}; received: [{subjects}].");
            }
        }
    }

    public async Task StopAsync()
    {
        if (server is null || running is null)
        {
            return;
        }

        server.Shutdown();
        await server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        server = null;
        running = null;
    }

    /// <summary>Starts again on the same port after <see cref="StopAsync"/> (to simulate an SMTP outage).</summary>
    public Task RestartAsync() => server is null ? StartCoreAsync(Port) : Task.CompletedTask;

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StartCoreAsync(int port = 0)
    {
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new CapturingStore(this));

        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(CancellationToken.None);
        var first = await Task.WhenAny(started.Task, running).WaitAsync(TimeSpan.FromSeconds(10));
        if (first != started.Task)
        {
            await running; // surfaces the bind error
        }

        Port = await started.Task;
    }

    private void Add(ReceivedMail mail)
    {
        lock (sync)
        {
            received.Add(mail);
            var previous = changed;
            changed = NewSignal();
            previous.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class CapturingStore(SmtpTestServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context,
            IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var from = transaction.From is { } f ? $"{f.User}@{f.Host}" : "";
            var to = transaction.To.Select(t => $"{t.User}@{t.Host}").ToList();
            owner.Add(new ReceivedMail(from, to, message));
            return SmtpResponse.Ok;
        }
    }
}
