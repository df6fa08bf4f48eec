import { RegistryError, notFound } from './registry-error';

// Messages worded like MLflow's, so MLflow users recognise them.

export function modelNotFound(name: string): RegistryError {
  return notFound(`Registered Model with name=${name} not found`);
}

export function versionNotFound(name: string, version: number): RegistryError {
  return notFound(`Model Version (name=${name}, version=${version}) not found`);
}

export function aliasNotFound(name: string, alias: string): RegistryError {
  return new RegistryError('alias_not_set', `Registered model alias ${alias} not found for model ${name}`);
}

export function modelAlreadyExists(name: string): RegistryError {
  return new RegistryError('already_exists', `Registered Model (name=${name}) already exists.`);
}

export function tagNotFound(what: string, key: string): RegistryError {
  return notFound(`No tag with name: ${key} in ${what}`);
}
