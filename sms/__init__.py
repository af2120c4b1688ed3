"""Messages: outbound SMS/WhatsApp, summaries, signed photo and case links, the inbound webhook."""
