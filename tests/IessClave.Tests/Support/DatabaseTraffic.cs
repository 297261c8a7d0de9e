using System.Collections.Concurrent;
using System.Diagnostics;

namespace IessClave.Tests.Support;

/// <summary>
/// What one piece of work sends to PostgreSQL: the commands Npgsql executes (one per round trip, a batch counts once)
/// and the connections EF Core opens, both only from the async flow of the work (the app's background services and
/// other tests are left out). BEGIN and COMMIT ride along with commands and are not counted.
/// </summary>
public sealed class DatabaseTraffic : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private const string ConnectionOpened = "Microsoft.EntityFrameworkCore.Database.Connection.ConnectionOpened";
    private readonly ActivityListener commands;
    private readonly IDisposable listeners;
    private readonly List<IDisposable> subscriptions = [];
    private readonly ConcurrentQueue<string> sent = new();
    private Activity? work;
    private int efOpens;

    public DatabaseTraffic()
    {
        commands = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Within(activity.Parent) && activity.GetTagItem("db.query.text") is string text)
                {
                    sent.Enqueue(text);
                }
            },
        };
        ActivitySource.AddActivityListener(commands);
        listeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public IReadOnlyList<string> Commands => [.. sent];

    public int EfConnectionOpens => efOpens;

    public async Task<T> RecordAsync<T>(Func<Task<T>> run)
    {
        using var activity = new Activity("iessclave.tests.recorded-work").Start();
        work = activity;
        try
        {
            return await run();
        }
        finally
        {
            work = null;
        }
    }

    public void Dispose()
    {
        commands.Dispose();
        listeners.Dispose();
        subscriptions.ForEach(s => s.Dispose());
    }

    private bool Within(Activity? activity)
    {
        for (var a = activity; a is not null; a = a.Parent)
        {
            if (work is { } w && ReferenceEquals(a, w))
            {
                return true;
            }
        }

        return false;
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, name => name == ConnectionOpened));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == ConnectionOpened && Within(Activity.Current))
        {
            Interlocked.Increment(ref efOpens);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
