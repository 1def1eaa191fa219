// Every command id of the manifest, written once.
export const CommandId = {
	postMessage: 'superofficeChat.postMessage',
	composeMessage: 'superofficeChat.composeMessage',
	sendComposed: 'superofficeChat.sendComposed',
	postSelection: 'superofficeChat.postSelection',
	addConnection: 'superofficeChat.addConnection',
	signIn: 'superofficeChat.signIn',
	signInOnline: 'superofficeChat.signInOnline',
	signOut: 'superofficeChat.signOut',
	removeConnection: 'superofficeChat.removeConnection',
	switchConnection: 'superofficeChat.switchConnection',
	showLog: 'superofficeChat.showLog',
	refreshView: 'superofficeChat.refreshView',
	nextWaitingSession: 'superofficeChat.nextWaitingSession',
	previousWaitingSession: 'superofficeChat.previousWaitingSession',
	openWaitingSession: 'superofficeChat.openWaitingSession',
} as const;
