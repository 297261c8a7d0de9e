using IessClave.Tests.Support.FakeGraph;
using IessClave.Web.Infrastructure.Meetings;

namespace IessClave.Tests.Infrastructure.Meetings;

/// <summary>The real Graph SDK against the local fake Graph: on-demand calls through onlineMeetings/createOrGet.</summary>
public sealed class GraphOnDemandMeetingTests
{
    private static readonly string OrganizerPath = "/v1.0/users/" + FakeGraphServer.Organizer;

    [Fact]
    public async Task StartCall_WithGraph_PostsCreateOrGetWithCaseIdThenLocksTheMeetingDown()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var caseId = Guid.NewGuid();

        var meeting = await bed.Meetings.StartCallAsync(caseId, CancellationToken.None);

        var graph = bed.Graph.GraphRequests;
        Assert.Equal(["POST " + OrganizerPath + "/onlineMeetings/createOrGet", "PATCH " + OrganizerPath + "/onlineMeetings/" + meeting.ExternalId], graph.Select(r => r.ToString()));
        Assert.Contains("mesa-de-ayuda%40iess-test.ec", graph[0].RawTarget, StringComparison.Ordinal);
        var body = graph[0].Json();
        Assert.Equal(caseId.ToString(), (string?)body["externalId"]);
        Assert.Equal(MeetingService.CallSubject(caseId), (string?)body["subject"]);
        Assert.Equal(bed.Time.GetUtcNow(), DateTimeOffset.Parse((string)body["startDateTime"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(bed.Time.GetUtcNow().AddMinutes(30), DateTimeOffset.Parse((string)body["endDateTime"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("application/json", graph[0].Header("Content-Type"), StringComparison.Ordinal);

        var patch = graph[1].Json();
        Assert.Equal("organizer", (string?)patch["lobbyBypassSettings"]!["scope"]);
        Assert.False((bool?)patch["lobbyBypassSettings"]!["isDialInBypassEnabled"]);
        Assert.Equal("organizer", (string?)patch["allowedPresenters"]);
        Assert.Equal("limited", (string?)patch["allowMeetingChat"]);
        Assert.False((bool?)patch["allowRecording"]);
        Assert.False((bool?)patch["allowTranscription"]);

        var stored = Assert.Single(bed.Graph.Store.Meetings);
        Assert.Equal(new Meeting(MeetingKind.Teams, (string)stored["joinWebUrl"]!, (string)stored["joinWebUrl"]!, (string)stored["id"]!), meeting);
        Assert.Null(meeting.FallbackReason);
        Assert.Empty(bed.Rooms.Opened);
        bed.AssertOnlyFakeContacted();
    }

    [Fact]
    public void CallSubject_CarriesOnlyACaseReference()
    {
        var caseId = Guid.Parse("1a2b3c4d-0000-4000-8000-000000000001");

        Assert.Equal("IESS: verificación de identidad (caso 1a2b3c4d)", MeetingService.CallSubject(caseId));
    }

    [Fact]
    public async Task StartCall_WithGraph_SendsTheTokenEndpointsTokenAsBearer()
    {
        await using var bed = await GraphTestBed.StartAsync();

        await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None);
        await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None);

        var token = Assert.Single(bed.Graph.TokenRequests);
        Assert.Equal("POST", token.Method);
        Assert.Equal($"/{FakeGraphServer.TenantId}/oauth2/v2.0/token", token.Path);
        var form = System.Web.HttpUtility.ParseQueryString(token.Body);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(FakeGraphServer.ClientId, form["client_id"]);
        Assert.Equal(bed.Graph.Origin.GetLeftPart(UriPartial.Authority) + "/.default", form["scope"]);
        Assert.Equal(4, bed.Graph.GraphRequests.Count);
        Assert.Equal(5, bed.Graph.Requests.Count); // one token, four Graph calls: no discovery, nothing else
        Assert.All(bed.Graph.GraphRequests, r => Assert.Equal("Bearer " + bed.Graph.AccessToken, r.Header("Authorization")));
        Assert.All(bed.Graph.GraphRequests, r => Assert.DoesNotContain(FakeGraphServer.ClientSecret, r.Body, StringComparison.Ordinal));
        bed.AssertOnlyFakeContacted();
    }

    [Fact]
    public async Task StartCall_WhenSameCaseTwice_ReturnsTheSameMeetingAndPatchesOnce()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var caseId = Guid.NewGuid();

        var first = await bed.Meetings.StartCallAsync(caseId, CancellationToken.None);
        bed.Time.Advance(TimeSpan.FromMinutes(2)); // a retried job asks again a bit later
        var second = await bed.Meetings.StartCallAsync(caseId, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(bed.Graph.Store.Meetings);
        Assert.Equal(2, bed.Graph.GraphRequests.Count(r => r.Path.EndsWith("/createOrGet", StringComparison.Ordinal)));
        Assert.Single(bed.Graph.GraphRequests, r => r.Method == "PATCH");
        bed.AssertOnlyFakeContacted();
    }

    [Fact]
    public async Task StartCall_WhenThrottledWithRetryAfter_WaitsThenRetriesAndSucceeds()
    {
        await using var bed = await GraphTestBed.StartAsync();
        bed.Graph.FailNext(1, 429, retryAfterSeconds: 1);

        var meeting = await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(MeetingKind.Teams, meeting.Kind);
        Assert.Null(meeting.FallbackReason);
        var attempts = bed.Graph.GraphRequests.Where(r => r.Path.EndsWith("/createOrGet", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.Null(attempts[0].Header("Retry-Attempt"));
        Assert.Equal("1", attempts[1].Header("Retry-Attempt"));
        var waited = attempts[1].At - attempts[0].At;
        Assert.True(waited >= TimeSpan.FromMilliseconds(950), $"The retry came after {waited.TotalMilliseconds} ms, before Retry-After (1 s).");
        Assert.True(waited < TimeSpan.FromSeconds(5), $"The retry came after {waited.TotalMilliseconds} ms.");
        Assert.Empty(bed.Rooms.Opened);
        bed.AssertOnlyFakeContacted();
    }
}
