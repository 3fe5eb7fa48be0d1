namespace JobWise.ApiService.Model;

public enum EmailKind
{
    PasswordReset,
    EmailVerification,
}

/// <summary>
/// A mail still to be sent: a row of a work queue any API replica takes from, so that a mail server outage delays mail
/// and loses none. It names what to send and to which address, never a token: the mail's token is made when it is sent,
/// so that no secret waits in the queue, and a reset requested for an address without an account sends nothing.
/// </summary>
public sealed class PendingEmail : IQueuedWork
{
    public Guid Id { get; set; }
    public EmailKind Kind { get; set; }
    /// <summary>Trimmed, lower-cased, as <see cref="User.NormalizedEmail"/>: the account is looked up when the mail is sent.</summary>
    public required string NormalizedEmail { get; set; }
    /// <summary>How many times a replica has taken it.</summary>
    public int Attempts { get; set; }
    /// <summary>Not taken before this: the retry backoff, or the lease of the replica working on it.</summary>
    public DateTimeOffset AvailableAt { get; set; }
    public DateTimeOffset QueuedAt { get; set; }

    Guid IQueuedWork.QueueKey => Id;
}
