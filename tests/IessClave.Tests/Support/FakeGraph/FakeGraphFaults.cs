using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace IessClave.Tests.Support.FakeGraph;

internal sealed record FakeGraphFault(int? Status, int? RetryAfterSeconds, bool Malformed, TimeSpan Delay, string? Method, bool Html = false);

/// <summary>Planned misbehaviour of the fake's Graph routes (never the token endpoint), consumed in order.</summary>
internal sealed class FakeGraphFaults
{
    private readonly Queue<FakeGraphFault> planned = new();
    private readonly Lock sync = new();

    public void Add(int count, FakeGraphFault fault)
    {
        lock (sync)
        {
            for (var i = 0; i < count; i++)
            {
                planned.Enqueue(fault);
            }
        }
    }

    public async Task InjectAsync(HttpContext context, RequestDelegate next)
    {
        var fault = context.Request.Path.StartsWithSegments("/v1.0") ? Take(context.Request.Method) : null;
        if (fault is null)
        {
            await next(context);
            return;
        }

        await Task.Delay(fault.Delay, context.RequestAborted);
        if (fault.Html && fault.Status is { } htmlStatus)
        {
            context.Response.StatusCode = htmlStatus;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>", context.RequestAborted);
        }
        else if (fault.Malformed)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"id\":\"MSp-broken\",\"joinWebUrl\":\"https://teams.micro", context.RequestAborted);
        }
        else if (fault.Status is { } status)
        {
            if (fault.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            await FakeGraphEndpoints.ODataErrorAsync(context, status, "FakeGraphFault", "Injected by the test.");
        }
        else
        {
            await next(context);
        }
    }

    private FakeGraphFault? Take(string method)
    {
        lock (sync)
        {
            if (planned.TryPeek(out var next) && (next.Method is null || next.Method == method))
            {
                return planned.Dequeue();
            }

            return null;
        }
    }
}
