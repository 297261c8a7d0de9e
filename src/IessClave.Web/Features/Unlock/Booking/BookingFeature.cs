namespace IessClave.Web.Features.Unlock.Booking;

public static class BookingFeature
{
    public static IServiceCollection AddBooking(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<BookingOptions>().Bind(config.GetSection(BookingOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Problem() is null, "Booking options are inconsistent: see BookingOptions.Problem().")
            .ValidateOnStart();
        services.AddScoped<SlotCalendar>();
        services.AddScoped<BookingSlots>();
        services.AddScoped<BookingLinks>();
        services.AddScoped<BookingJobs>();
        services.AddScoped<BookingMails>();
        services.AddScoped<BookingService>();
        services.AddScoped<BookingCheckIn>();
        services.AddScoped<BookingConfirmationJob>();
        services.AddScoped<BookingReminderJob>();
        services.AddScoped<BookingCheckInJob>();
        services.AddScoped<BookingSettleJob>();
        services.AddScoped<BookingCancellationJob>();
        services.AddScoped<TeamsEventCancelJob>();
        services.AddScoped<SlotPicker>();
        services.AddAuthentication().AddBookingProofCookie();
        services.AddAuthorizationBuilder().AddPolicy(BookingAuth.Policy, p => p
            .AddAuthenticationSchemes(BookingAuth.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(BookingAuth.AccountClaim));
        return services;
    }
}
