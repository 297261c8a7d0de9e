using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Booking;

/// <summary>The JSON API of bookings: slots, book, cancel; errors as RFC 7807 problem details.</summary>
[Collection(BookingTests.Name)]
public sealed class BookingApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task Slots_ListTheFreePlacesOfTheVideoDeskOrOfAnAgency()
    {
        using var client = app.CreateClient();
        var monday = BookingApp.DayValue(app.Monday);

        var video = await client.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/slots?day={monday}");
        var cuenca = await client.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/slots?agency=cuenca&day={monday}");
        var agencies = await client.GetFromJsonAsync<JsonElement>("/api/v1/bookings/agencies");

        var first = video.EnumerateArray().First();
        Assert.Equal(BookingApp.Key(BookingApp.SlotStart(app.Monday, 8)), first.GetProperty("slot").GetInt64());
        Assert.Equal(2, first.GetProperty("left").GetInt32());
        Assert.Equal(25, video.GetArrayLength()); // 08:00–16:10, every 20 minutes
        Assert.Equal(2, cuenca.EnumerateArray().First().GetProperty("left").GetInt32());
        Assert.Contains(agencies.EnumerateArray(), a => a.GetProperty("id").GetString() == "quito-centro");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/bookings/slots?agency=nada")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/bookings/slots?day=27-11-2026")).StatusCode);
    }

    [Fact]
    public async Task Book_ThenCancel_WithTheManageToken()
    {
        var who = await QueueTestData.NewLockedAsync(app);
        var start = BookingApp.SlotStart(app.Monday.AddDays(2), 11, 20);
        using var client = app.CreateClient();

        var created = await client.PostAsJsonAsync("/api/v1/bookings", await BodyAsync(client, who, start, agency: "quito-centro"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Window", "quito-centro", "Booked"), (booking.GetProperty("kind").GetString(), booking.GetProperty("agency").GetString(), booking.GetProperty("status").GetString()));
        var token = booking.GetProperty("manageToken").GetString()!;
        Assert.Equal(43, token.Length);

        var again = await client.PostAsJsonAsync("/api/v1/bookings", await BodyAsync(client, who, start.AddMinutes(20)));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        var cancelled = await client.PostAsJsonAsync("/api/v1/bookings/cancel", new { token });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/v1/bookings/cancel", new { token })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/bookings/cancel", new { token = token[..^1] + (token[^1] == 'A' ? 'B' : 'A') })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/bookings/cancel", new { token = "corto" })).StatusCode);
    }

    [Fact]
    public async Task Book_BadInput_GetsProblemDetailsAndWritesNothing()
    {
        var who = await QueueTestData.NewLockedAsync(app);
        var unknown = who with { Identification = TestIdentities.NewCedula() };
        var start = BookingApp.SlotStart(app.Monday.AddDays(2), 14);
        using var client = app.CreateClient();

        var wrongDate = await client.PostAsJsonAsync("/api/v1/bookings", await BodyAsync(client, who, start, birthDate: "1970-01-01"));
        var unknownId = await client.PostAsJsonAsync("/api/v1/bookings", await BodyAsync(client, unknown, start));
        var past = await client.PostAsJsonAsync("/api/v1/bookings", await BodyAsync(client, who, BookingApp.SlotStart(app.Monday.AddDays(-3), 9)));
        var beyond = await client.PostAsJsonAsync("/api/v1/bookings", await BodyAsync(client, who, BookingApp.SlotStart(app.Monday.AddDays(20), 9)));
        var noAgency = await client.PostAsJsonAsync("/api/v1/bookings", await BodyAsync(client, who, start, agency: "<script>"));
        var noProof = await client.PostAsJsonAsync("/api/v1/bookings", new { identification = who.Identification, birthDate = "1984-03-09", slot = BookingApp.Key(start) });
        using var malformed = await client.PostAsync("/api/v1/bookings", new StringContent("{\"slot\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.All([wrongDate, unknownId, past, beyond, noAgency, noProof, malformed], r =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
        Assert.Equal(await DetailAsync(wrongDate), await DetailAsync(unknownId));
        Assert.DoesNotContain("<script>", await noAgency.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Bookings.AnyAsync(b => b.AccountId == who.AccountId)));
    }

    private async Task<object> BodyAsync(HttpClient client, LockedAffiliate who, DateTimeOffset start, string? agency = null, string? birthDate = null) => new
    {
        identification = who.Identification,
        birthDate = birthDate ?? who.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        robotProof = await app.RobotProofAsync(client),
        slot = BookingApp.Key(start),
        agency,
    };

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
}
