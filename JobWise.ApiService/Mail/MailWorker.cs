using JobWise.ApiService.Auth;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Infrastructure.WorkQueue;
using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Mail;

/// <summary>
/// Sends queued mail, whichever replica queued it. The account is looked up and the mail's single-use token made only
/// now, so no secret waits in the queue; a reset asked for an address without an account, or a verification of an
/// address already verified, sends nothing. A mail server that does not answer delays mail (retried with backoff) and
/// loses none.
/// </summary>
public sealed class MailWorker(IServiceScopeFactory scopes, IOptions<MailOptions> options, ILogger<MailWorker> logger) : BackgroundService
{
    private const string What = "mail";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Enabled
        ? QueuedWorkProcessor.RunAsync(_ => Task.CompletedTask, SendNextAsync, options.Value.PollInterval, What, logger, stoppingToken)
        : Task.CompletedTask;

    private Task<bool> SendNextAsync(CancellationToken stoppingToken) => QueuedWorkProcessor.ProcessNextInScopeAsync(
        scopes, services => services.GetRequiredService<MailQueue>().Table, options.Value, options.Value.MaxAttempts, SendAsync, What, logger, stoppingToken);

    private static async Task SendAsync(IServiceProvider services, PendingEmail pending, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<JobWiseDbContext>();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == pending.NormalizedEmail, cancellationToken);
        if (user is null || (pending.Kind == EmailKind.EmailVerification && user.EmailVerifiedAt is not null))
        {
            return;
        }
        var tokens = services.GetRequiredService<AccountTokens>();
        var mail = services.GetRequiredService<AccountMail>();
        var message = pending.Kind switch
        {
            EmailKind.PasswordReset => mail.PasswordReset(user, await tokens.IssueAsync(user.Id, AccountTokenPurpose.PasswordReset, cancellationToken)),
            _ => mail.EmailVerification(user, await tokens.IssueAsync(user.Id, AccountTokenPurpose.EmailVerification, cancellationToken)),
        };
        await services.GetRequiredService<SmtpMailSender>().SendAsync(message, cancellationToken);
    }
}
