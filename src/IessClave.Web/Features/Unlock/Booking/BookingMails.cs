using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>Builds and queues the booking mails (confirmation, reminders, cancellation) for the account's address.</summary>
public sealed class BookingMails(IessClaveDbContext db, MailQueue mail, BookingLinks links, IOptions<MailOptions> mailOptions, IOptions<BookingOptions> bookingOptions)
{
    public Task<Person> PersonAsync(Guid accountId, CancellationToken ct) =>
        db.Accounts.Where(a => a.Id == accountId).Select(a => new Person(a.Email, a.Culture, a.Affiliate.FullName)).SingleAsync(ct);

    /// <summary>The link the affiliate uses at the slot's time (also to cancel or reschedule before it).</summary>
    public string EntryLink(CallBooking booking) => links.ManageLink(booking.ManageTokenProtected);

    public OutgoingMail Confirmation(CallBooking booking, Person person)
    {
        var link = EntryLink(booking);
        return Add(booking, person, new BookingConfirmationMail(
            booking.Id, person.FullName, booking.StartsAt, booking.EndsAt, link, link, mailOptions.Value.FromAddress, person.Email, booking.Sequence, PlaceOf(booking)));
    }

    public OutgoingMail Reminder(CallBooking booking, Person person, BookingReminder which)
    {
        var link = EntryLink(booking);
        return Add(booking, person, new BookingReminderMail(person.FullName, booking.StartsAt, booking.EndsAt, link, link, which == BookingReminder.ShortlyBefore, PlaceOf(booking)));
    }

    public OutgoingMail Cancellation(CallBooking booking, Person person) =>
        Add(booking, person, new BookingCancelledMail(
            booking.Id, person.FullName, booking.StartsAt, booking.EndsAt, links.BookAgainLink(), mailOptions.Value.FromAddress, person.Email, booking.Sequence, PlaceOf(booking)));

    /// <summary>Where a window appointment takes place (agency and address); null for a video call.</summary>
    public string? PlaceOf(CallBooking booking) => bookingOptions.Value.Agency(booking.AgencyId)?.Place;

    public void Dispatch(OutgoingMail queued) => mail.Dispatch(queued);

    private OutgoingMail Add<TModel>(CallBooking booking, Person person, TModel model)
        where TModel : IMailModel =>
        mail.Add(model, person.Email, person.FullName, person.Culture, booking.AccountId);

    public sealed record Person(string Email, string Culture, string FullName);
}
