package id.piagam.mail;

import id.piagam.agency.Agency;
import jakarta.activation.DataHandler;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/** Sends one outbox message over SMTP with Jakarta Mail (Eclipse Angus) and reports the server's answer. */
@Singleton
class SmtpMailer {

    /** An attachment to send with the message. */
    record Attachment(String fileName, String mediaType, byte[] bytes) {
    }

    /** The server's answer: sent, or the reply code (0 when none) and text; {@code bounced} when a recipient was refused. */
    record Result(boolean sent, int replyCode, String reply, boolean bounced) {
    }

    private final MailSettings settings;
    private final Agency agency;
    private final Clock clock;
    private volatile Session session;

    SmtpMailer(MailSettings settings, Agency agency, Clock clock) {
        this.settings = settings;
        this.agency = agency;
        this.clock = clock;
    }

    Result send(OutboxMessage m, Attachment attachment) {
        try {
            MimeMessage message = new FixedIdMessage(session(), m.messageId());
            String name = agency.name();
            message.setFrom(name == null || name.isBlank() ? new InternetAddress(settings.from())
                    : new InternetAddress(settings.from(), name, StandardCharsets.UTF_8.name()));
            // replies go to the secretariat: the configured address, else the agency profile's email
            String replyTo = settings.replyTo().isEmpty() ? agency.email() : settings.replyTo();
            if (replyTo != null && !replyTo.isBlank()) {
                message.setReplyTo(new Address[]{new InternetAddress(replyTo.trim())});
            }
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(m.recipient(), true));
            message.setSubject(m.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(m.bodyText(), StandardCharsets.UTF_8.name());
            alternative.addBodyPart(text);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(m.bodyHtml(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(html);
            if (attachment == null) {
                message.setContent(alternative);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(alternative);
                mixed.addBodyPart(body);
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.bytes(), attachment.mediaType())));
                file.setFileName(attachment.fileName());
                file.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(file);
                message.setContent(mixed);
            }
            message.saveChanges();
            if (settings.username().isEmpty()) {
                Transport.send(message);
            } else {
                Transport.send(message, settings.username(), settings.password());
            }
            return new Result(true, 250, "", false);
        } catch (SendFailedException e) {
            return refused(e);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new Result(false, 0, String.valueOf(e.getMessage()), false);
        }
    }

    /** A refusal names the reply: a recipient refused at RCPT is a bounce of that address. */
    private static Result refused(SendFailedException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException me ? me.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException a) {
                return new Result(false, a.getReturnCode(), a.getMessage(), a.getReturnCode() >= 500);
            }
            if (next instanceof SMTPSenderFailedException s) {
                return new Result(false, s.getReturnCode(), s.getMessage(), false);
            }
            if (next instanceof SMTPSendFailedException s) {
                return new Result(false, s.getReturnCode(), s.getMessage(), false);
            }
        }
        return new Result(false, 0, String.valueOf(e.getMessage()), false);
    }

    private Session session() {
        Session s = session;
        if (s == null) {
            Properties p = new Properties();
            String protocol = settings.tls() == MailSettings.Tls.TLS ? "smtps" : "smtp";
            p.put("mail.transport.protocol", protocol);
            p.put("mail." + protocol + ".host", settings.host());
            p.put("mail." + protocol + ".port", String.valueOf(settings.port()));
            p.put("mail." + protocol + ".auth", String.valueOf(!settings.username().isEmpty()));
            p.put("mail." + protocol + ".connectiontimeout", "10000");
            p.put("mail." + protocol + ".timeout", "30000");
            p.put("mail." + protocol + ".writetimeout", "30000");
            if (settings.tls() == MailSettings.Tls.STARTTLS) {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            if (settings.tls() != MailSettings.Tls.NONE) {
                p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
            s = Session.getInstance(p);
            session = s;
        }
        return s;
    }

    /** Keeps the outbox's Message-ID: a message sent again after a crash is recognisable as the same one. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
