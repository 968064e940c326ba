#!/bin/sh
# tests/tls/make_certs.sh DIR - generates the test PKI into DIR with Debian's openssl: a root CA
# (ca.pem, the only trust anchor of the tests), an intermediate, and server certificates:
#   rsa (RSA, localhost), ec (ECDSA P-256, localhost), chain (issued by the intermediate;
#   chain_full.pem = leaf + intermediate), wrong (for wrong.example), expired, notyet,
#   self (self-signed), evil (issued by an untrusted root; evil_full.pem = leaf + that root).
# Each server NAME has NAME.pem (certificate) and NAME.key. Idempotent: reruns only when
# the script is newer than DIR/done.
set -eu
D=${1:?usage: make_certs.sh DIR}
mkdir -p "$D"
[ -f "$D/done" ] && [ "$D/done" -nt "$0" ] && exit 0
cd "$D"
rm -rf db && mkdir db && : > db/index.txt && echo 1000 > db/serial
cat > ca.cnf <<'CNF'
[ ca ]
default_ca = tca
[ tca ]
dir = db
database = db/index.txt
serial = db/serial
new_certs_dir = db
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
[ anything ]
commonName = supplied
[ leaf ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = $ENV::SAN
[ inter ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
CNF
q() { "$@" >/dev/null 2>&1 || { echo "make_certs: failed: $*" >&2; exit 1; }; }
rsa() { q openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key"; }
ec() { q openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key"; }
root() { # name cn
    q openssl req -x509 -new -key "$1.key" -subj "/CN=$2" -days 3650 -out "$1.pem" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
}
# sign NAME ISSUER EXT SAN START END
sign() {
    q openssl req -new -key "$1.key" -subj "/CN=$1 test server" -out "$1.csr"
    SAN=$4 q openssl ca -batch -config ca.cnf -notext -cert "$2.pem" -keyfile "$2.key" \
        -extensions "$3" -startdate "$5" -enddate "$6" -in "$1.csr" -out "$1.pem"
}
NOW=250101000000Z LATER=491231000000Z
rsa ca && root ca "telepot test root CA"
rsa inter && sign inter ca inter "DNS:unused" $NOW $LATER
rsa rsa && sign rsa ca leaf "DNS:localhost,IP:127.0.0.1" $NOW $LATER
ec ec && sign ec ca leaf "DNS:localhost,IP:127.0.0.1" $NOW $LATER
ec chain && sign chain inter leaf "DNS:localhost" $NOW $LATER
cat chain.pem inter.pem > chain_full.pem
ec wrong && sign wrong ca leaf "DNS:wrong.example" $NOW $LATER
ec expired && sign expired ca leaf "DNS:localhost" 200101000000Z 210101000000Z
ec notyet && sign notyet ca leaf "DNS:localhost" 450101000000Z $LATER
ec self && q openssl req -x509 -new -key self.key -subj "/CN=localhost" -days 3650 -out self.pem \
    -addext "subjectAltName=DNS:localhost" -addext "basicConstraints=critical,CA:FALSE"
ec evilca && root evilca "untrusted root CA"
ec evil && sign evil evilca leaf "DNS:localhost" $NOW $LATER
cat evil.pem evilca.pem > evil_full.pem
touch done
