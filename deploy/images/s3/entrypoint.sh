#!/bin/sh
# Starts memcached and the Swift account, container and object servers, then the proxy in the foreground.
# S3_ACCESS_KEY is "account:user" (tempauth's form), S3_SECRET_KEY its key.
set -eu
: "${S3_ACCESS_KEY:?S3_ACCESS_KEY is required (account:user)}"
: "${S3_SECRET_KEY:?S3_SECRET_KEY is required}"
account=${S3_ACCESS_KEY%%:*}
user=${S3_ACCESS_KEY#*:}

proxy_conf=/run/swift/proxy-server.conf
sed -e "s|@TEMPAUTH_USER@|user_${account}_${user} = ${S3_SECRET_KEY} .admin|" /etc/swift/proxy-server.conf.in > "$proxy_conf"

memcached -l 127.0.0.1 -p 11211 -U 0 -m 32 &
swift-account-server /etc/swift/account-server.conf -v &
swift-container-server /etc/swift/container-server.conf -v &
swift-object-server /etc/swift/object-server.conf -v &
exec swift-proxy-server "$proxy_conf" -v
