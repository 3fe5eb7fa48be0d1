using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Infrastructure.WorkQueue;
using JobWise.ApiService.Model;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Mail;

/// <summary>The durable queue of mail still to be sent (<c>pending_emails</c>), shared by every API replica.</summary>
public sealed class MailQueue(JobWiseDbContext db, IOptions<MailOptions> options, TimeProvider clock)
{
    public WorkQueueTable<PendingEmail> Table { get; } = new(db, "pending_emails", "id");

    /// <summary>
    /// Queues a mail to the address; saved by the caller's <c>SaveChanges</c>, so with whatever it belongs to. Nothing is
    /// queued while mail is off.
    /// </summary>
    public void Enqueue(EmailKind kind, string normalizedEmail)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var now = clock.GetUtcNow();
        db.PendingEmails.Add(new PendingEmail
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            NormalizedEmail = normalizedEmail,
            QueuedAt = now,
            AvailableAt = now,
        });
    }
}
