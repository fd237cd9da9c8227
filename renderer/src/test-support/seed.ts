import type { AppView, ClientView, LoginView, ProfileView } from '../../../preload/contract';
import type { FakeStoreData } from './fake-store';

/** Two clients, an app, a login and three profiles across both built-in environments. */
export function seededStore(): Partial<FakeStoreData> {
  const clients: ClientView[] = [
    { id: 'c-demo', name: 'Demo client', clientId: 'demo-client', hasSecret: true },
    { id: 'c-ops', name: 'Ops integration', clientId: 'ops-client', hasSecret: false },
  ];
  const apps: AppView[] = [
    { id: 'a-crm', name: 'CRM app', appId: '4242', clientRef: 'c-demo', hasSecret: true },
  ];
  const logins: LoginView[] = [
    { id: 'l-admin', name: 'Test admin', username: 'admin@example.com', hasSecret: true },
  ];
  const profiles: ProfileView[] = [
    {
      id: 'p-crm',
      name: 'CRM on sandbox',
      environmentRef: 'sandbox',
      clientRef: 'c-demo',
      appRef: 'a-crm',
    },
    {
      id: 'p-admin',
      name: 'Admin on Podio',
      environmentRef: 'podio',
      clientRef: 'c-ops',
      loginRef: 'l-admin',
    },
    { id: 'p-bare', name: 'Bare client', environmentRef: 'sandbox', clientRef: 'c-demo' },
  ];
  return {
    clients,
    apps,
    logins,
    profiles,
    secrets: {
      'client:c-demo:clientSecret': 'demo-secret-value',
      'app:a-crm:appToken': 'crm-app-token',
      'login:l-admin:password': 'admin-password',
    },
  };
}
