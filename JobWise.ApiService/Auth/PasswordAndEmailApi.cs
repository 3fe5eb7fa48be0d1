using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Mail;
using JobWise.ApiService.Model;
using JobWise.ApiService.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Auth;

/// <summary>Managing an account's password and email: change, forgot and reset, verify.</summary>
public static class PasswordAndEmailApi
{
    /// <summary>Longer than any token this API makes (43 characters); anything longer is not one.</summary>
    private const int MaxTokenLength = 200;

    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/password", ChangePassword).WithName("ChangePassword")
            .WithSummary("Change the password (the current one required); every other sign-in ends, and this one gets new tokens")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/password/forgot", ForgotPassword).WithName("ForgotPassword")
            .WithSummary("Mail a password-reset link to the address if it has an account; the answer is the same either way").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/password/reset", ResetPassword).WithName("ResetPassword")
            .WithSummary("Set a new password with the token of a reset mail (once); every sign-in ends").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/email/verify", VerifyEmail).WithName("VerifyEmail")
            .WithSummary("Confirm the account's email address with the token of a verification mail (once)").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/email/verify/resend", ResendVerification).WithName("ResendEmailVerification")
            .WithSummary("Mail the verification link again")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, HttpContext context, JobWiseDbContext db, PasswordHasher hasher, AuthRateLimiter rateLimiter,
        SignOutEverywhere signOut, AccountTokens accountTokens, AccessTokenIssuer accessTokens, RefreshTokenStore refreshTokens,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Required("current_password", request.CurrentPassword, PasswordHasher.MaximumLength);
        AuthApi.ValidatePassword(errors, "new_password", request.NewPassword);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        var userId = context.User.GetUserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Problems.Unauthorized("The account no longer exists.");
        }
        // Guessing the current password with a stolen access token counts as guessing at sign-in.
        if (await rateLimiter.TryAcquireSignInAsync(AuthApi.ClientAddress(context), user.NormalizedEmail, cancellationToken) is { } retryAfter)
        {
            return Problems.RetryLater(context, StatusCodes.Status429TooManyRequests, "Too many attempts; try again later.", retryAfter);
        }
        if (!hasher.Verify(request.CurrentPassword!, user.PasswordHash))
        {
            return Problems.Validation("current_password", "is not correct");
        }
        var passwordHash = hasher.Hash(request.NewPassword!);
        var refreshToken = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Users.Where(u => u.Id == userId)
                .ExecuteUpdateAsync(setters => setters.SetProperty(u => u.PasswordHash, passwordHash), cancellationToken);
            user.SecurityStamp = await signOut.ApplyAsync(userId, cancellationToken);
            await accountTokens.SpendAllAsync(userId, AccountTokenPurpose.PasswordReset, cancellationToken);
            var token = refreshTokens.Issue(userId, user.SecurityStamp);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return token;
        });
        signOut.Committed(userId);
        return TypedResults.Ok(AuthApi.TokenResponseFor(user, accessTokens, refreshToken));
    }

    /// <summary>
    /// The same work whether or not the address has an account: validate, count against the limits (keyed by the
    /// address typed), queue a mail. Whether an account exists is looked up only when the mail is sent, in the background.
    /// </summary>
    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> ForgotPassword(
        ForgotPasswordRequest request, HttpContext context, JobWiseDbContext db, AuthRateLimiter rateLimiter, MailQueue mail,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var email = AuthApi.ValidateEmail(errors, request.Email);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        if (await rateLimiter.TryAcquireAccountMailAsync(AuthApi.ClientAddress(context), email.Normalized, cancellationToken) is { } retryAfter)
        {
            return Problems.RetryLater(context, StatusCodes.Status429TooManyRequests, "Too many requests for this address; try again later.", retryAfter);
        }
        mail.Enqueue(EmailKind.PasswordReset, email.Normalized);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<NoContent, ValidationProblem>> ResetPassword(
        ResetPasswordRequest request, JobWiseDbContext db, PasswordHasher hasher, SignOutEverywhere signOut, AccountTokens accountTokens,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Required("token", request.Token, MaxTokenLength);
        AuthApi.ValidatePassword(errors, "new_password", request.NewPassword);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        var resetUser = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Spent in the same transaction as the new password: both or neither.
            if (await accountTokens.SpendAsync(request.Token!, AccountTokenPurpose.PasswordReset, cancellationToken) is not { } userId)
            {
                return (Guid?)null;
            }
            // Hashed only for a real token, so that made-up tokens cost no bcrypt work.
            var passwordHash = hasher.Hash(request.NewPassword!);
            var now = clock.GetUtcNow();
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(setters => setters
                .SetProperty(u => u.PasswordHash, passwordHash)
                // The reset link reached the owner's mailbox: that proves the address as a verification link would.
                .SetProperty(u => u.EmailVerifiedAt, u => u.EmailVerifiedAt ?? now), cancellationToken);
            await signOut.ApplyAsync(userId, cancellationToken);
            await accountTokens.SpendAllAsync(userId, AccountTokenPurpose.PasswordReset, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return userId;
        });
        if (resetUser is not { } done)
        {
            return Problems.Validation("token", "is not valid: it was already used, has expired or was never issued");
        }
        signOut.Committed(done);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem>> VerifyEmail(
        VerifyEmailRequest request, JobWiseDbContext db, AccountTokens accountTokens, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Required("token", request.Token, MaxTokenLength);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        var verified = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await accountTokens.SpendAsync(request.Token!, AccountTokenPurpose.EmailVerification, cancellationToken) is not { } userId)
            {
                return false;
            }
            var now = clock.GetUtcNow();
            await db.Users.Where(u => u.Id == userId && u.EmailVerifiedAt == null)
                .ExecuteUpdateAsync(setters => setters.SetProperty(u => u.EmailVerifiedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
        return verified
            ? TypedResults.NoContent()
            : Problems.Validation("token", "is not valid: it was already used, has expired or was never issued");
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> ResendVerification(
        HttpContext context, JobWiseDbContext db, AuthRateLimiter rateLimiter, MailQueue mail, CancellationToken cancellationToken)
    {
        var userId = context.User.GetUserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Problems.Unauthorized("The account no longer exists.");
        }
        if (user.EmailVerifiedAt is not null)
        {
            return Problems.Conflict("The email address is already verified.");
        }
        if (await rateLimiter.TryAcquireAccountMailAsync(AuthApi.ClientAddress(context), user.NormalizedEmail, cancellationToken) is { } retryAfter)
        {
            return Problems.RetryLater(context, StatusCodes.Status429TooManyRequests, "Too many requests for this address; try again later.", retryAfter);
        }
        mail.Enqueue(EmailKind.EmailVerification, user.NormalizedEmail);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
